/** `test/webchat.test.ts`: the API through app.request(), CORS, rate limits and the widget. */
export const WEBCHAT_TEST = `import { describe, expect, it } from 'vitest';
import { createBot } from '../src/core/index.js';
import type { Session, SessionStore } from '../src/sessions/session-store.js';
import { createWebchatRoutes, isAllowedOrigin, parseAllowedOrigins, parseChatRequest, readRateLimit } from '../src/platforms/webchat.js';
import { RateLimiter } from '../src/platforms/webchat-rate-limit.js';

const SITE = 'https://shop.example.com';

/** A store backed by a Map, so the test needs no session feature. */
function mapStore(): SessionStore<Session> {
  const values = new Map<string, Session>();
  return {
    get: async (id) => values.get(id),
    set: async (id, value) => void values.set(id, value),
    delete: async (id) => void values.delete(id),
    // Nothing is awaited between the read and the write, so this is atomic in one process.
    update: async (id, fn) => {
      const value = fn(values.get(id));
      values.set(id, value);
      return value;
    },
  };
}

function setup(rateLimitPerMinute = 20) {
  let now = 0;
  const bot = createBot({ info: { name: 'Test', description: 'Test bot.' }, sessions: mapStore() });
  const app = createWebchatRoutes(bot, { allowedOrigins: [SITE], rateLimitPerMinute, now: () => now, clientAddress: () => '203.0.113.7' });
  const chat = (body: unknown, headers: Record<string, string> = {}) =>
    app.request('/api/chat', { method: 'POST', headers: { 'content-type': 'application/json', host: 'bot.example.com', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { app, chat, advance: (ms: number) => void (now += ms) };
}

describe('web chat API', () => {
  it('answers a valid message and remembers the session', async () => {
    const { chat } = setup();
    await chat({ sessionId: 'session-1', text: 'first' });
    const response = await chat({ sessionId: 'session-1', text: 'second' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ replies: [{ text: 'You said: second' }, { text: 'Before that you said: first' }] });
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

  it('rate-limits each client and session with Retry-After', async () => {
    const { chat, advance } = setup(2);
    const send = (sessionId: string) => chat({ sessionId, text: 'hi' });
    expect((await send('session-1')).status).toBe(200);
    expect((await send('session-1')).status).toBe(200);
    const limited = await send('session-1');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('30');
    expect((await send('session-2')).status).toBe(200);
    advance(30_000);
    expect((await send('session-1')).status).toBe(200);
  });

  it('reads its configuration strictly', () => {
    expect(parseAllowedOrigins(' https://a.example , http://localhost:5173 ')).toEqual(['https://a.example', 'http://localhost:5173']);
    expect(() => parseAllowedOrigins('https://a.example/path')).toThrow(/origin/);
    expect(readRateLimit({})).toBe(20);
    expect(() => readRateLimit({ WEBCHAT_RATE_LIMIT_PER_MINUTE: '0' })).toThrow();
    expect(() => new RateLimiter({ perMinute: 0 })).toThrow(RangeError);
  });
});
`;
