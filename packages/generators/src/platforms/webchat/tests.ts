import type { BuildConfig } from '@botsmith/shared';
import { aiProviderOf } from '../../features/ai';
import { AI_FAKE_RESPONSES } from '../../features/ai/tests';
import { source } from '../../lib/text';

/**
 * `test/webchat.test.ts`: the API through app.request(), CORS, rate limits and the widget;
 * with moderation, that a new session from the same address keeps its limits.
 */
export function webchatTest({ moderation }: { moderation: boolean }): string {
  return source(
    `import { describe, expect, it } from 'vitest';
import { type BotPlugin, type IncomingMessage, createBot } from '../src/core/index.js';
import { envNumbers } from '../src/env.js';
import { mapStore } from './map-store.js';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import {
  clientAddressFrom,
  createWebchatRoutes,
  isAllowedOrigin,
  parseAllowedOrigins,
  parseChatRequest,
  readSessionSecret,
  sessionSigner,
} from '../src/platforms/webchat.js';
import { RateLimiter } from '../src/platforms/webchat-rate-limit.js';`,
    moderation &&
      "import { RateLimiter as ModerationLimiter, WordFilter, createModerationPlugin } from '../src/moderation/index.js';",
    `
const SITE = 'https://shop.example.com';

function setup(rateLimitPerMinute = 20, plugins: readonly BotPlugin[] = []) {
  let now = 0;
  const bot = createBot({ info: { name: 'Test', description: 'Test bot.' }, sessions: mapStore(), plugins });
  const app = createWebchatRoutes(bot, { allowedOrigins: [SITE], rateLimitPerMinute, now: () => now, clientAddress: (c) => c.req.header('x-test-client') ?? '203.0.113.7' });
  const chat = (body: unknown, headers: Record<string, string> = {}) =>
    app.request('/api/chat', { method: 'POST', headers: { 'content-type': 'application/json', host: 'bot.example.com', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  const advance = (ms: number) => {
    now += ms;
  };
  return { app, chat, advance };
}

describe('web chat API', () => {
  it('issues a signed session and remembers it through the token', async () => {
    const { chat } = setup();
    const first = await chat({ sessionId: 'session-1', text: 'first' });
    const { token } = (await first.json()) as { token: string };
    const cookie = first.headers.get('set-cookie') ?? '';
    expect(cookie).toContain('webchat_session=' + token);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    const response = await chat({ token, text: 'second' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ replies: [{ text: 'You said: second' }, { text: 'Before that you said: first' }], token });
    const bearer = await chat({ text: 'third' }, { authorization: 'Bearer ' + token });
    expect(((await bearer.json()) as { replies: unknown[] }).replies).toHaveLength(2);
    const viaCookie = await chat({ text: 'fourth' }, { cookie: 'webchat_session=' + token, 'x-forwarded-proto': 'https' });
    expect(viaCookie.headers.get('set-cookie')).toMatch(/Secure/);
    expect(((await viaCookie.json()) as { token: string }).token).toBe(token);
  });

  it('never trusts a client-chosen session id or a forged token', async () => {
    const { chat } = setup();
    const first = (await (await chat({ sessionId: 'session-1', text: 'first' })).json()) as { token: string };
    // The same client-chosen id is a new conversation: only the signed token carries one on.
    const again = (await (await chat({ sessionId: 'session-1', text: 'second' })).json()) as { token: string; replies: unknown[] };
    expect(again.replies).toHaveLength(1);
    expect(again.token).not.toBe(first.token);
    const [id] = first.token.split('.');
    const forged = (await (await chat({ token: id + '.' + 'A'.repeat(43), text: 'third' })).json()) as { token: string; replies: unknown[] };
    expect(forged.replies).toHaveLength(1);
    expect(forged.token).not.toBe(first.token);
    const signer = sessionSigner('s'.repeat(32));
    const issued = signer.issue();
    expect(signer.verify(issued.token)).toBe(issued.id);
    expect(sessionSigner('t'.repeat(32)).verify(issued.token)).toBeUndefined();
    expect(signer.verify(issued.id)).toBeUndefined();
    expect(signer.verify(undefined)).toBeUndefined();
  });

  it('requires WEBCHAT_SESSION_SECRET in production only', () => {
    expect(() => readSessionSecret({ NODE_ENV: 'production' })).toThrow(/WEBCHAT_SESSION_SECRET/);
    expect(() => readSessionSecret({ WEBCHAT_SESSION_SECRET: 'short' })).toThrow(/32/);
    expect(readSessionSecret({ WEBCHAT_SESSION_SECRET: 'x'.repeat(40) })).toBe('x'.repeat(40));
    expect(readSessionSecret({}).length).toBeGreaterThanOrEqual(32);
  });

  it('names the sender by client address and signed session, never by the id it chose', async () => {
    const seen: IncomingMessage[] = [];
    const { chat } = setup(20, [{ name: 'record', before: ({ message }) => void seen.push(message) }]);
    const { token } = (await (await chat({ sessionId: 'chosen-by-client', text: 'hi' })).json()) as { token: string };
    const [id] = token.split('.');
    expect(seen[0]?.senderKeys).toEqual(['webchat:address:203.0.113.7', 'webchat:session:' + id]);
    expect(JSON.stringify(seen)).not.toContain('chosen-by-client');
  });

  it('rejects invalid and oversized bodies', async () => {
    const { chat } = setup();
    expect((await chat('{not json')).status).toBe(400);
    expect((await chat({ sessionId: 'x', text: 'hi' })).status).toBe(400);
    expect((await chat({ sessionId: 'session-1', text: '' })).status).toBe(400);
    expect((await chat({ sessionId: 'session-1', text: 'x'.repeat(2001) })).status).toBe(400);
    expect((await chat({ sessionId: 'session-1', text: 'x'.repeat(9000) })).status).toBe(413);
    expect(parseChatRequest({ sessionId: 'session-1', text: 'ok' })).toEqual({ sessionId: 'session-1', text: 'ok' });
  });

  it('allows listed origins and its own host, and refuses others', async () => {
    const { app, chat } = setup();
    const preflight = (origin: string) =>
      app.request('/api/chat', { method: 'OPTIONS', headers: { origin, host: 'bot.example.com', 'access-control-request-method': 'POST' } });
    expect((await preflight(SITE)).headers.get('access-control-allow-origin')).toBe(SITE);
    expect((await preflight('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
    expect((await chat({ sessionId: 'session-1', text: 'hi' }, { origin: SITE })).status).toBe(200);
    expect((await chat({ sessionId: 'session-1', text: 'hi' }, { origin: 'https://bot.example.com' })).status).toBe(200);
    expect((await chat({ sessionId: 'session-1', text: 'hi' }, { origin: 'https://evil.example' })).status).toBe(403);
    expect(isAllowedOrigin('http://localhost:3000', [], 'localhost:3000')).toBe(true);
  });

  it('rate-limits each client address and each session with Retry-After', async () => {
    const { chat, advance } = setup(2);
    const send = async (token: string | undefined, client = '203.0.113.7') => {
      const response = await chat(token ? { token, text: 'hi' } : { text: 'hi' }, { 'x-test-client': client });
      return { status: response.status, response, token: response.ok ? ((await response.json()) as { token: string }).token : undefined };
    };
    const first = await send(undefined);
    expect(first.status).toBe(200);
    expect((await send(first.token)).status).toBe(200);
    const limited = await send(first.token);
    expect(limited.status).toBe(429);
    expect(limited.response.headers.get('retry-after')).toBe('30');
    // A new session from the same address is still limited; the session is limited from anywhere.
    expect((await send(undefined)).status).toBe(429);
    expect((await send(first.token, '198.51.100.1')).status).toBe(429);
    expect((await send(undefined, '198.51.100.1')).status).toBe(200);
    advance(30_000);
    expect((await send(first.token)).status).toBe(200);
  });

  it('takes the client address from the trusted proxies only', () => {
    expect(clientAddressFrom('198.51.100.9, 203.0.113.7', '10.0.0.2', 1)).toBe('203.0.113.7');
    expect(clientAddressFrom('1.1.1.1, 2.2.2.2, 203.0.113.7, 10.0.0.3', '10.0.0.2', 2)).toBe('203.0.113.7');
    expect(clientAddressFrom('198.51.100.9', '10.0.0.2', 0)).toBe('10.0.0.2');
    expect(clientAddressFrom(undefined, '10.0.0.2', 1)).toBe('10.0.0.2');
    expect(clientAddressFrom('203.0.113.7', '10.0.0.2', 2)).toBe('10.0.0.2');
    expect(envNumbers({}).TRUST_PROXY_HOPS).toBe(0);
    expect(envNumbers({ TRUST_PROXY_HOPS: '1' }).TRUST_PROXY_HOPS).toBe(1);
    expect(() => envNumbers({ TRUST_PROXY_HOPS: '-1' })).toThrow(/TRUST_PROXY_HOPS/);
  });

  it('answers 429 over a real socket although every request rotates its session id', async () => {
    const bot = createBot({ info: { name: 'Test', description: 'Test bot.' }, sessions: mapStore() });
    const app = createWebchatRoutes(bot, { allowedOrigins: [], rateLimitPerMinute: 3 });
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    try {
      const statuses: number[] = [];
      for (let n = 0; n < 5; n++) {
        // No cookies are kept and every request claims a new session.
        const response = await fetch('http://127.0.0.1:' + port + '/api/chat', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': '192.0.2.' + n },
          body: JSON.stringify({ sessionId: 'rotating-' + n + '-' + Date.now(), text: 'hi' }),
        });
        statuses.push(response.status);
      }
      // X-Forwarded-For is ignored without TRUST_PROXY_HOPS, so the spoofed addresses do not help.
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
    } finally {
      server.close();
    }
  });

  it('reads its configuration strictly', () => {
    expect(parseAllowedOrigins(' https://a.example , http://localhost:5173 ')).toEqual(['https://a.example', 'http://localhost:5173']);
    expect(() => parseAllowedOrigins('https://a.example/path')).toThrow(/origin/);
    expect(envNumbers({}).WEBCHAT_RATE_LIMIT_PER_MINUTE).toBe(20);
    expect(() => envNumbers({ WEBCHAT_RATE_LIMIT_PER_MINUTE: '0' })).toThrow(/WEBCHAT_RATE_LIMIT_PER_MINUTE/);
    expect(() => new RateLimiter({ perMinute: 0 })).toThrow(RangeError);
  });`,
    moderation && MODERATION_ROTATION_TEST,
    '});',
  );
}

// Moderation's limiter counts the client address too, so a new session per message, and
// dropping the cookie, still ends in its refusal, and the notice comes once.
const MODERATION_ROTATION_TEST = `
  it('keeps moderation limits when every message starts a new session', async () => {
    const moderation = createModerationPlugin({ filter: new WordFilter([]), limiter: new ModerationLimiter({ capacity: 2, refillPerMinute: 1 }) });
    const { chat } = setup(100, [moderation]);
    const texts: string[][] = [];
    for (let n = 0; n < 4; n++) {
      const response = await chat({ sessionId: 'rotating-' + n + '-abc', text: 'hi' });
      const body = (await response.json()) as { replies: { text: string }[] };
      texts.push(body.replies.map((reply) => reply.text));
    }
    expect(texts[0]).toEqual(['You said: hi']);
    expect(texts[1]).toEqual(['You said: hi']);
    expect(texts[2]?.[0]).toMatch(/too quickly/);
    expect(texts[3]).toEqual([]);
    // Another address is someone else.
    const other = (await (await chat({ text: 'hi' }, { 'x-test-client': '198.51.100.1' })).json()) as { replies: { text: string }[] };
    expect(other.replies).toEqual([{ text: 'You said: hi' }]);
  });`;

/**
 * `test/webchat-ai-budget.test.ts` (web chat with the AI feature): the real provider client
 * against a local fake of its API, counting the calls that reach it, while every message
 * rotates its session.
 */
export function webchatAiBudgetTest(config: BuildConfig): string {
  const provider = aiProviderOf(config);
  return `import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { describe, expect, it } from 'vitest';
import { aiPlugin } from '../src/ai/index.js';
import { createBot } from '../src/core/index.js';
import { DailyBudget } from '../src/platforms/webchat-ai-budget.js';
import { createWebchatRoutes } from '../src/platforms/webchat.js';
import { mapStore } from './map-store.js';

/** A local stand-in for the ${provider.label} API: answers every request alike and counts them. */
async function fakeProvider() {
  let requests = 0;
  const server = createServer((request, response) => {
    requests += 1;
    request.resume();
    request.on('end', () => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(${AI_FAKE_RESPONSES[provider.id].response}));
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: 'http://127.0.0.1:' + port,
    requests: () => requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('web chat AI budget', () => {
  it('stops calling the model once an address has spent its daily budget, whatever its session', async () => {
    const provider = await fakeProvider();
    const ai = aiPlugin({ ${provider.keyVariable}: 'test-key', ${provider.baseUrlVariable}: provider.url, AI_MODEL: 'test-model' });
    const bot = createBot({ info: { name: 'Test', description: 'Test bot.' }, sessions: mapStore(), plugins: [ai] });
    // The message rate limit is far above the budget, so the budget is what stops the calls.
    const app = createWebchatRoutes(bot, { allowedOrigins: [], rateLimitPerMinute: 1000, aiDailyBudgetPerAddress: 3 });
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    try {
      const answers: string[] = [];
      for (let n = 0; n < 5; n++) {
        // No cookie is kept and every request claims a new session: only the address stays.
        const response = await fetch('http://127.0.0.1:' + port + '/api/chat', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ sessionId: 'rotating-' + n + '-' + Date.now(), text: 'hello' }),
        });
        expect(response.status).toBe(200);
        const body = (await response.json()) as { replies: { text: string }[] };
        answers.push(body.replies.map((reply) => reply.text).join(' '));
      }
      expect(answers.slice(0, 3)).toEqual(['Hello!', 'Hello!', 'Hello!']);
      expect(answers[3]).toMatch(/used up.*midnight UTC/);
      expect(answers[4]).toMatch(/used up.*midnight UTC/);
      expect(provider.requests()).toBe(3);
    } finally {
      server.close();
      await provider.close();
    }
  });

  it('starts afresh at midnight UTC and tracks a bounded number of addresses', () => {
    let now = Date.UTC(2026, 0, 1, 23, 59);
    const budget = new DailyBudget({ perDay: 1, maxKeys: 2, now: () => now });
    expect(budget.take('a')).toBe(true);
    expect(budget.take('a')).toBe(false);
    now = Date.UTC(2026, 0, 2, 0, 0);
    expect(budget.take('a')).toBe(true);
    expect(budget.take('a')).toBe(false);
    // Two newer addresses push the least recently seen one out; it starts afresh.
    budget.take('b');
    budget.take('c');
    expect(budget.take('a')).toBe(true);
    expect(new DailyBudget({ perDay: 0 }).take('x')).toBe(false);
    expect(() => new DailyBudget({ perDay: -1 })).toThrow(RangeError);
  });
});
`;
}
