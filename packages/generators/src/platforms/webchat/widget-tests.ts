/** `test/webchat-widget.test.ts`: the widget parses, escapes the name and runs on a fake DOM. */
export const WEBCHAT_WIDGET_TEST = `import { Script, createContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { createWebchatRoutes } from '../src/platforms/webchat.js';
import { type Command, createBot } from '../src/core/index.js';
import { widgetScript } from '../src/platforms/webchat-widget.js';

/** Just enough DOM for the widget; innerHTML throws, so any use of it fails the test. */
class FakeElement {
  children: FakeElement[] = [];
  attributes = new Map<string, string>();
  listeners = new Map<string, (event: unknown) => unknown>();
  shadow: FakeElement | undefined;
  textContent = '';
  className = '';
  hidden = false;
  disabled = false;
  type = '';
  value = '';
  constructor(readonly tagName: string) {}
  set innerHTML(_html: string) {
    throw new Error('the widget must not use innerHTML');
  }
  setAttribute(name: string, value: string) {
    this.attributes.set(name, value);
  }
  append(...nodes: FakeElement[]) {
    this.children.push(...nodes);
  }
  attachShadow(init: { mode: string }) {
    this.shadow = new FakeElement('#shadow-root:' + init.mode);
    return this.shadow;
  }
  addEventListener(type: string, listener: (event: unknown) => unknown) {
    this.listeners.set(type, listener);
  }
  focus() {}
  querySelectorAll(tagName: string): FakeElement[] {
    return this.children.flatMap((child) => [...(child.tagName === tagName ? [child] : []), ...child.querySelectorAll(tagName)]);
  }
  find(tagName: string): FakeElement | undefined {
    for (const child of [...this.children, ...(this.shadow ? [this.shadow] : [])]) {
      if (child.tagName === tagName) return child;
      const found = child.find(tagName);
      if (found) return found;
    }
    return undefined;
  }
}

const HOSTILE = '</script><img src=x onerror=alert(1)> "\\u2028';

const pick: Command = {
  name: 'pick',
  description: 'Offer choices',
  run: () => [{ text: 'Which?', choices: [{ label: 'Ping', value: 'ping please' }, { label: 'Other', value: 'other' }] }],
};

/** Runs the widget against the bot's real routes on a fake DOM. */
function mountWidget() {
  const bot = createBot({ info: { name: 'Test', description: 'Test bot.' }, commands: [pick] });
  const api = createWebchatRoutes(bot, { allowedOrigins: [], rateLimitPerMinute: 20 });
  const body = new FakeElement('body');
  const storage = new Map<string, string>();
  const requests: string[] = [];
  const context = createContext({
    document: { currentScript: { src: 'https://bot.example.com/widget.js' }, body, createElement: (tag: string) => new FakeElement(tag) },
    location: { href: 'https://shop.example.com/' },
    localStorage: { getItem: (key: string) => storage.get(key) ?? null, setItem: (key: string, value: string) => storage.set(key, value) },
    crypto,
    URL,
    fetch: (url: string, init: RequestInit) => {
      requests.push(url);
      return api.request(new URL(url).pathname, init);
    },
  });
  new Script(widgetScript(HOSTILE)).runInContext(context);

  return { body, requests, storage };
}

describe('web chat widget', () => {
  it('is valid JavaScript that never builds HTML from strings', () => {
    const source = widgetScript(HOSTILE);
    expect(() => new Script(source)).not.toThrow();
    expect(source).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\\.write/);
    expect(source).not.toContain('</script>');
  });

  it('renders into a closed shadow root and shows replies as text', async () => {
    const { body, requests, storage } = mountWidget();
    const host = body.children[0]!;
    expect(host.shadow?.tagName).toBe('#shadow-root:closed');
    expect(host.find('header')?.textContent).toBe(HOSTILE);
    const form = host.find('form')!;
    form.find('input')!.value = '<b>hello</b>';
    await form.listeners.get('submit')!({ preventDefault() {} });
    const messages = host.find('ol')!.children.map((item) => [item.className, item.textContent]);
    expect(messages).toEqual([['user', '<b>hello</b>'], ['bot', 'You said: <b>hello</b>']]);
    expect(requests).toEqual(['https://bot.example.com/api/chat']);
    expect([...storage.values()][0]).toMatch(/^[\\w-]+\\.[\\w-]+$/);
  });

  it('shows choices as buttons that send their value once', async () => {
    const { body } = mountWidget();
    const host = body.children[0]!;
    const form = host.find('form')!;
    form.find('input')!.value = '/pick';
    await form.listeners.get('submit')!({ preventDefault() {} });
    const log = host.find('ol')!;
    const row = log.children.find((item) => item.className === 'choices')!;
    const [ping, other] = row.querySelectorAll('button');
    expect([ping?.textContent, other?.textContent]).toEqual(['Ping', 'Other']);
    await ping!.listeners.get('click')!({});
    expect(ping?.disabled && other?.disabled).toBe(true);
    expect(log.children.slice(-2).map((item) => [item.className, item.textContent])).toEqual([
      ['user', 'Ping'],
      ['bot', 'You said: ping please'],
    ]);
  });
});
`;
