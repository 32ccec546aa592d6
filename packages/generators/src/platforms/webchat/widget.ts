// The widget is plain browser JavaScript kept in a template literal of the generated file, so
// it must contain no backticks, no "${" and no backslashes: each would change the literal.
const WIDGET_BODY = [
  '  const script = document.currentScript;',
  '  // The API lives where this script was loaded from, whichever site embeds it.',
  "  const apiUrl = new URL('/api/chat', script && script.src ? script.src : location.href).href;",
  "  const STORAGE_KEY = 'webchat-session';",
  '  // The server issues and signs the session; the widget only keeps its token.',
  '  let token = null;',
  '  try {',
  '    token = localStorage.getItem(STORAGE_KEY);',
  '  } catch (error) {',
  '    token = null; // storage disabled: the conversation lasts as long as the page',
  '  }',
  '  const keep = (value) => {',
  '    token = value;',
  '    try {',
  '      localStorage.setItem(STORAGE_KEY, value);',
  '    } catch (error) {',
  '      // keep the token for this page only',
  '    }',
  '  };',
  '',
  '  // Text only ever goes in through textContent, so replies can never become markup.',
  '  const element = (tag, className, text) => {',
  '    const node = document.createElement(tag);',
  '    if (className) node.className = className;',
  '    if (text) node.textContent = text;',
  '    return node;',
  '  };',
  "  const host = element('div');",
  "  host.setAttribute('data-webchat', '');",
  "  // A closed shadow root: the page's styles cannot leak in, nor the widget's out.",
  "  const root = host.attachShadow({ mode: 'closed' });",
  "  const style = element('style', '', CSS);",
  "  const toggle = element('button', 'toggle', 'Chat');",
  "  toggle.type = 'button';",
  "  toggle.setAttribute('aria-expanded', 'false');",
  "  const panel = element('section', 'panel');",
  '  panel.hidden = true;',
  "  panel.setAttribute('aria-label', BOT_NAME);",
  "  const log = element('ol', 'log');",
  "  log.setAttribute('aria-live', 'polite');",
  "  const form = element('form', 'form');",
  "  const input = element('input', 'input');",
  "  input.type = 'text';",
  '  input.maxLength = 2000;',
  "  input.placeholder = 'Type a message';",
  "  input.setAttribute('aria-label', 'Message');",
  "  const send = element('button', 'send', 'Send');",
  "  send.type = 'submit';",
  '  form.append(input, send);',
  "  panel.append(element('header', 'title', BOT_NAME), log, form);",
  '  root.append(style, toggle, panel);',
  '',
  '  const add = (kind, text) => {',
  "    log.append(element('li', kind, text));",
  '    log.scrollTop = log.scrollHeight;',
  '  };',
  "  toggle.addEventListener('click', () => {",
  '    panel.hidden = !panel.hidden;',
  "    toggle.setAttribute('aria-expanded', String(!panel.hidden));",
  '    if (!panel.hidden) input.focus();',
  '  });',
  '  // Choices are buttons under their reply; pressing one sends its value, once.',
  '  const addReply = (reply) => {',
  "    add('bot', String(reply.text));",
  '    const choices = Array.isArray(reply.choices) ? reply.choices : [];',
  '    if (choices.length === 0) return;',
  "    const row = element('li', 'choices');",
  '    for (const choice of choices) {',
  "      const button = element('button', 'choice', String(choice.label));",
  "      button.type = 'button';",
  "      button.addEventListener('click', async () => {",
  "        for (const other of row.querySelectorAll('button')) other.disabled = true;",
  '        await ask(String(choice.value), String(choice.label));',
  '      });',
  '      row.append(button);',
  '    }',
  '    log.append(row);',
  '    log.scrollTop = log.scrollHeight;',
  '  };',
  '  const ask = async (text, shown) => {',
  "    add('user', shown || text);",
  '    send.disabled = true;',
  '    try {',
  '      const response = await fetch(apiUrl, {',
  "        method: 'POST',",
  "        headers: { 'content-type': 'application/json' },",
  '        body: JSON.stringify(token ? { token, text } : { text }),',
  '      });',
  "      if (response.status === 429) add('error', 'Too many messages. Please wait a moment.');",
  "      else if (!response.ok) add('error', 'Something went wrong (' + response.status + ').');",
  '      else {',
  '        const data = await response.json();',
  "        if (typeof data.token === 'string') keep(data.token);",
  '        for (const reply of data.replies || []) addReply(reply);',
  '      }',
  '    } catch (error) {',
  "      add('error', 'The chat is unreachable. Check your connection.');",
  '    } finally {',
  '      send.disabled = false;',
  '      input.focus();',
  '    }',
  '  };',
  "  form.addEventListener('submit', async (event) => {",
  '    event.preventDefault();',
  '    const text = input.value.trim();',
  '    if (!text) return;',
  "    input.value = '';",
  '    await ask(text);',
  '  });',
  '  const mount = () => document.body.append(host);',
  '  if (document.body) mount();',
  "  else document.addEventListener('DOMContentLoaded', mount);",
].join('\n');

const WIDGET_CSS = [
  ':host { all: initial; }',
  '.toggle { position: fixed; right: 20px; bottom: 20px; z-index: 2147483000; padding: 12px 18px; border: 0; border-radius: 999px; background: #1f6feb; color: #fff; font: 600 14px system-ui, sans-serif; cursor: pointer; }',
  '.panel { position: fixed; right: 20px; bottom: 72px; z-index: 2147483000; display: flex; flex-direction: column; width: min(360px, calc(100vw - 40px)); height: min(480px, calc(100vh - 120px)); border: 1px solid #d0d7de; border-radius: 12px; background: #fff; color: #1f2328; font: 14px/1.4 system-ui, sans-serif; box-shadow: 0 8px 24px rgba(0, 0, 0, 0.15); overflow: hidden; }',
  '.panel[hidden] { display: none; }',
  '.title { padding: 12px 16px; background: #1f6feb; color: #fff; font-weight: 600; }',
  '.log { flex: 1; margin: 0; padding: 12px; overflow-y: auto; list-style: none; display: flex; flex-direction: column; gap: 8px; }',
  '.log li { max-width: 80%; padding: 8px 12px; border-radius: 12px; white-space: pre-wrap; overflow-wrap: anywhere; }',
  '.user { align-self: flex-end; background: #1f6feb; color: #fff; }',
  '.bot { align-self: flex-start; background: #f1f3f5; }',
  '.error { align-self: center; color: #cf222e; font-size: 12px; }',
  '.log li.choices { display: flex; flex-wrap: wrap; gap: 6px; padding: 0; }',
  '.choice { padding: 6px 12px; border: 1px solid #1f6feb; border-radius: 999px; background: #fff; color: #1f6feb; font: inherit; cursor: pointer; }',
  '.choice:disabled { opacity: 0.6; cursor: default; }',
  '.form { display: flex; gap: 8px; padding: 12px; border-top: 1px solid #d0d7de; }',
  '.input { flex: 1; padding: 8px; border: 1px solid #d0d7de; border-radius: 8px; font: inherit; }',
  '.send { padding: 8px 12px; border: 0; border-radius: 8px; background: #1f6feb; color: #fff; font: inherit; cursor: pointer; }',
  '.send:disabled { opacity: 0.6; }',
]
  .map((rule) => `  '${rule}',`)
  .join('\n');

/** `src/platforms/webchat-widget.ts`: the embeddable script and the demo page. */
export const WEBCHAT_WIDGET = `/** The widget's styles, scoped to its shadow root. */
const CSS = [
${WIDGET_CSS}
].join(' ');

// Plain browser JavaScript; BOT_NAME and CSS are prepended by widgetScript().
const WIDGET_BODY = \`
${WIDGET_BODY}
\`;

/**
 * A JavaScript string literal for value. JSON is valid JavaScript; escaping <, > and & and the
 * line separators also keeps the literal inert if the script is ever inlined in HTML.
 */
export function scriptString(value: string): string {
  return JSON.stringify(value).replace(/[<>&\\u2028\\u2029]/g, (char) => '\\\\u' + char.charCodeAt(0).toString(16).padStart(4, '0'));
}

/**
 * GET /widget.js: renders a chat button and panel into a closed Shadow DOM, sets text only
 * through textContent, and talks to POST /api/chat on the server it was loaded from.
 */
export function widgetScript(botName: string): string {
  return '(() => {\\n  const BOT_NAME = ' + scriptString(botName) + ';\\n  const CSS = ' + scriptString(CSS) + ';\\n' + WIDGET_BODY + '})();\\n';
}

/** GET /: a demo page that embeds the widget the way any site would. */
export const DEMO_PAGE = \`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Web chat demo</title>
  </head>
  <body style="font: 16px/1.5 system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem">
    <h1>Web chat demo</h1>
    <p>Open the chat with the button in the corner. To add it to your site, list the site's origin in WEBCHAT_ALLOWED_ORIGINS and add:</p>
    <pre><code>&lt;script src="https://YOUR_BOT_HOST/widget.js" defer&gt;&lt;/script&gt;</code></pre>
    <script src="/widget.js" defer></script>
  </body>
</html>
\`;
`;
