/** `test/whatsapp.test.ts`: signatures, the handshake, payload mapping and sending, offline. */
export const WHATSAPP_TEST = `import { createHmac } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { createBot } from '../src/core/index.js';
import { createWhatsAppRoutes, toIncoming, toWhatsAppMessages, whatsappAdapter } from '../src/platforms/whatsapp.js';
import { createGraphClient, GraphApiError, readGraphVersion } from '../src/platforms/whatsapp-graph.js';
import { isValidSignature, textMessages, verifySubscription } from '../src/platforms/whatsapp-webhook.js';

const SECRET = 'app-secret';
const sign = (body: string, secret = SECRET) => 'sha256=' + createHmac('sha256', secret).update(body).digest('hex');

function payload(text: string, id = 'wamid.1'): string {
  const value = {
    messaging_product: 'whatsapp',
    metadata: { display_phone_number: '15550000000', phone_number_id: '123' },
    contacts: [{ profile: { name: 'Ada' }, wa_id: '4915112345678' }],
    messages: [{ from: '4915112345678', id, timestamp: '1700000000', type: 'text', text: { body: text } }],
  };
  return JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: 'waba', changes: [{ field: 'messages', value }] }] });
}

describe('WhatsApp signature verification', () => {
  const body = payload('hello');

  it('accepts the HMAC-SHA256 of the raw body', () => {
    expect(isValidSignature(body, sign(body), SECRET)).toBe(true);
  });

  it('rejects a tampered body, a wrong secret and malformed headers', () => {
    expect(isValidSignature(body.replace('hello', 'hellO'), sign(body), SECRET)).toBe(false);
    expect(isValidSignature(body, sign(body, 'other-secret'), SECRET)).toBe(false);
    expect(isValidSignature(body, undefined, SECRET)).toBe(false);
    expect(isValidSignature(body, sign(body).replace('sha256=', 'sha1='), SECRET)).toBe(false);
    expect(isValidSignature(body, 'sha256=abc', SECRET)).toBe(false);
    expect(isValidSignature(body, sign(body), '')).toBe(false);
  });
});

describe('WhatsApp webhook', () => {
  function setup() {
    const bot = createBot({ info: { name: 'Test', description: 'Test bot.' } });
    const sent: { to: string; text: string }[] = [];
    const tasks: Promise<void>[] = [];
    const routes = createWhatsAppRoutes(bot, {
      appSecret: SECRET,
      verifyToken: 'verify-me',
      graph: {
        sendText: async (to, text) => void sent.push({ to, text }),
        sendButtons: async (to, text, buttons) => void sent.push({ to, text: text + ' ' + buttons.map((b) => '[' + b.title + ']').join('') }),
      },
      waitUntil: (task) => tasks.push(task),
    });
    const post = (body: string, signature = sign(body)) =>
      routes.request('/', { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature }, body });
    return { routes, sent, post, settled: () => Promise.all(tasks) };
  }

  it('answers the verification handshake only with the right token', async () => {
    const { routes } = setup();
    const ok = await routes.request('/?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=1158201444');
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('1158201444');
    expect((await routes.request('/?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1')).status).toBe(403);
    expect(verifySubscription({ mode: 'unsubscribe', token: 'verify-me', challenge: '1' }, 'verify-me')).toBeNull();
  });

  it('replies to a signed text message, once per message id', async () => {
    const { post, sent, settled } = setup();
    expect((await post(payload('hello'))).status).toBe(200);
    expect((await post(payload('hello'))).status).toBe(200);
    await settled();
    expect(sent).toEqual([{ to: '4915112345678', text: 'You said: hello' }]);
  });

  it('refuses unsigned or tampered events without answering them', async () => {
    const { post, sent, settled } = setup();
    const body = payload('hello');
    expect((await post(body, sign(body, 'wrong'))).status).toBe(401);
    expect((await post(body.replace('hello', 'pwned'), sign(body))).status).toBe(401);
    await settled();
    expect(sent).toEqual([]);
  });

  it('takes a pressed reply button as the text of its choice', () => {
    const pressed = JSON.parse(payload('unused'));
    pressed.entry[0].changes[0].value.messages[0] = {
      from: '4915112345678',
      id: 'wamid.3',
      type: 'interactive',
      interactive: { type: 'button_reply', button_reply: { id: '/lang es', title: 'Español' } },
    };
    expect(textMessages(pressed)).toEqual([{ id: 'wamid.3', from: '4915112345678', name: 'Ada', text: '/lang es' }]);
  });

  it('sends up to three short choices as reply buttons, and lists others in the text', () => {
    const three = [{ label: 'Yes', value: '/yes' }, { label: 'No', value: '/no' }, { label: 'Later', value: '/later' }];
    expect(toWhatsAppMessages({ text: 'Sure?', choices: three })).toEqual([
      { kind: 'buttons', text: 'Sure?', buttons: [{ id: '/yes', title: 'Yes' }, { id: '/no', title: 'No' }, { id: '/later', title: 'Later' }] },
    ]);
    const four = [...three, { label: 'Never', value: '/never' }];
    expect(toWhatsAppMessages({ text: 'Sure?', choices: four })).toEqual([
      { kind: 'text', text: 'Sure?\\n- Yes: /yes\\n- No: /no\\n- Later: /later\\n- Never: /never' },
    ]);
    expect(toWhatsAppMessages({ text: 'Plain' })).toEqual([{ kind: 'text', text: 'Plain' }]);
  });

  it('maps messages and skips status updates and media', () => {
    const [message] = textMessages(JSON.parse(payload('hi')));
    expect(message).toEqual({ id: 'wamid.1', from: '4915112345678', name: 'Ada', text: 'hi' });
    expect(toIncoming(message!)).toEqual({ platform: 'whatsapp', conversationId: 'whatsapp:4915112345678', userId: '4915112345678', userName: 'Ada', text: 'hi' });
    const statuses = { entry: [{ changes: [{ value: { statuses: [{ id: 'x', status: 'read' }] } }] }] };
    expect(textMessages(statuses)).toEqual([]);
    expect(textMessages({ entry: [{ changes: [{ value: { messages: [{ id: 'i', from: '1', type: 'image' }] } }] }] })).toEqual([]);
    expect(textMessages('nonsense')).toEqual([]);
  });
});

describe('WhatsApp Graph API client', () => {
  it('posts a text message to /{version}/{phone-number-id}/messages', async () => {
    const fetch = vi.fn(async () => new Response('{"messages":[{"id":"wamid.2"}]}', { status: 200 }));
    const graph = createGraphClient({ accessToken: 'token', phoneNumberId: '123', version: 'v23.0', fetch });
    await graph.sendText('4915112345678', 'hi');
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('https://graph.facebook.com/v23.0/123/messages');
    expect(new Headers(init.headers).get('authorization')).toBe('Bearer token');
    expect(JSON.parse(String(init.body))).toMatchObject({ messaging_product: 'whatsapp', to: '4915112345678', type: 'text', text: { body: 'hi' } });
  });

  it('posts reply buttons as an interactive message', async () => {
    const fetch = vi.fn(async () => new Response('{}', { status: 200 }));
    const graph = createGraphClient({ accessToken: 'token', phoneNumberId: '123', version: 'v23.0', fetch });
    await graph.sendButtons('1', 'Sure?', [{ id: '/yes', title: 'Yes' }]);
    const [, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(JSON.parse(String(init.body))).toMatchObject({
      type: 'interactive',
      interactive: { type: 'button', body: { text: 'Sure?' }, action: { buttons: [{ type: 'reply', reply: { id: '/yes', title: 'Yes' } }] } },
    });
  });

  it('throws the Graph API error and validates the version', async () => {
    const fetch = async () => new Response('{"error":{"message":"expired"}}', { status: 401 });
    const graph = createGraphClient({ accessToken: 'token', phoneNumberId: '123', version: 'v23.0', fetch });
    await expect(graph.sendText('1', 'hi')).rejects.toBeInstanceOf(GraphApiError);
    expect(readGraphVersion({})).toBe('v23.0');
    expect(readGraphVersion({ WHATSAPP_GRAPH_VERSION: 'v24.0' })).toBe('v24.0');
    expect(() => readGraphVersion({ WHATSAPP_GRAPH_VERSION: '23' })).toThrow(/v23\\.0/);
    expect(whatsappAdapter.requiredEnv).toContain('WHATSAPP_APP_SECRET');
  });
});
`;
