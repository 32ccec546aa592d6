/** `src/platforms/webchat.ts` of the generated project: the chat API, widget and demo page. */
export const WEBCHAT_ADAPTER = `import { getConnInfo } from '@hono/node-server/conninfo';
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { BOT_INFO } from '../config.js';
import type { Bot, IncomingMessage } from '../core/index.js';
import { mountRoutes } from '../http/server.js';
import type { Service } from '../runtime.js';
import { RateLimiter } from './webchat-rate-limit.js';
import { DEMO_PAGE, widgetScript } from './webchat-widget.js';

export const MAX_TEXT_LENGTH = 2000;
const MAX_BODY_BYTES = 8 * 1024;
const SESSION_ID = /^[A-Za-z0-9_-]{8,64}$/;

/** A validated POST /api/chat body. */
export interface ChatRequest {
  sessionId: string;
  text: string;
}

/** Validates the JSON body: a session id of 8-64 URL-safe characters and 1-2000 characters of text. */
export function parseChatRequest(body: unknown): ChatRequest | null {
  if (typeof body !== 'object' || body === null) return null;
  const { sessionId, text } = body as Record<string, unknown>;
  if (typeof sessionId !== 'string' || !SESSION_ID.test(sessionId)) return null;
  if (typeof text !== 'string' || text.trim() === '' || text.length > MAX_TEXT_LENGTH) return null;
  return { sessionId, text };
}

/** One conversation per browser session id. */
export function chatToIncoming(request: ChatRequest): IncomingMessage {
  const id = 'webchat:' + request.sessionId;
  return { platform: 'webchat', conversationId: id, userId: id, text: request.text };
}

/** WEBCHAT_ALLOWED_ORIGINS: comma-separated origins such as https://www.example.com. */
export function parseAllowedOrigins(raw: string | undefined): string[] {
  const origins = (raw ?? '').split(',').map((origin) => origin.trim()).filter((origin) => origin !== '');
  for (const origin of origins) {
    if (!URL.canParse(origin) || new URL(origin).origin !== origin) {
      throw new Error('WEBCHAT_ALLOWED_ORIGINS: ' + JSON.stringify(origin) + ' is not an origin like https://www.example.com');
    }
  }
  return origins;
}

/** Listed origins, and the bot's own host (its demo page), may call the API from a browser. */
export function isAllowedOrigin(origin: string, allowed: readonly string[], host: string | undefined): boolean {
  if (allowed.includes(origin)) return true;
  return host !== undefined && URL.canParse(origin) && new URL(origin).host === host;
}

export interface WebchatOptions {
  allowedOrigins: readonly string[];
  rateLimitPerMinute: number;
  now?: () => number;
  /** Proxies in front of the bot that append to X-Forwarded-For (TRUST_PROXY_HOPS, default 0). */
  trustProxyHops?: number;
  /** Identifies the client for rate limiting; defaults to clientAddressFrom() on the request. */
  clientAddress?: (c: Context) => string;
}

function socketAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // no socket, as in app.request() in tests
  }
}

/**
 * The client's address. Each trusted proxy appends the address it received from to
 * X-Forwarded-For, so with N proxies in front the client is the N-th entry from the right;
 * entries further left were written by the client and are ignored, since anyone can send them.
 * With no trusted proxies, or fewer entries than proxies (the request went around them), the
 * socket's address is the answer.
 */
export function clientAddressFrom(forwardedFor: string | undefined, socket: string, trustProxyHops: number): string {
  if (trustProxyHops <= 0 || forwardedFor === undefined) return socket;
  const entries = forwardedFor.split(',').map((entry) => entry.trim()).filter((entry) => entry !== '');
  return entries[entries.length - trustProxyHops] ?? socket;
}

/** TRUST_PROXY_HOPS (default 0): how many proxies in front of the bot append to X-Forwarded-For. */
export function readTrustProxyHops(env: NodeJS.ProcessEnv): number {
  const raw = env.TRUST_PROXY_HOPS?.trim() || '0';
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error('TRUST_PROXY_HOPS must be a whole number of proxies (0 or more), got ' + JSON.stringify(raw));
  }
  return value;
}

/** The web chat routes: POST /api/chat, GET /widget.js and the demo page at GET /. */
export function createWebchatRoutes(bot: Bot, options: WebchatOptions): Hono {
  const limiter = new RateLimiter({ perMinute: options.rateLimitPerMinute, ...(options.now ? { now: options.now } : {}) });
  const hops = options.trustProxyHops ?? 0;
  const clientAddress = options.clientAddress ?? ((c: Context) => clientAddressFrom(c.req.header('x-forwarded-for'), socketAddress(c), hops));
  const allowed = (origin: string, c: Context) => isAllowedOrigin(origin, options.allowedOrigins, c.req.header('host'));
  const script = widgetScript(BOT_INFO.name);
  const app = new Hono();

  app.use('/api/*', cors({ origin: (origin, c) => (allowed(origin, c) ? origin : null), allowMethods: ['POST'], allowHeaders: ['content-type'], maxAge: 600 }));
  app.post('/api/chat', bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => c.json({ error: 'too_large' }, 413) }), async (c) => {
    // CORS only stops browsers from reading the answer; refuse foreign pages outright.
    const origin = c.req.header('origin');
    if (origin !== undefined && !allowed(origin, c)) return c.json({ error: 'origin_not_allowed' }, 403);
    const request = parseChatRequest(await c.req.json().catch(() => null));
    if (!request) {
      return c.json({ error: 'invalid_request', message: 'Send {"sessionId": 8-64 letters, digits, _ or -, "text": 1-2000 characters}.' }, 400);
    }
    // Both must pass: the address alone, so rotating session ids gains nothing, and the session.
    const byAddress = limiter.take('address ' + clientAddress(c));
    const limit = byAddress.ok ? limiter.take('session ' + request.sessionId) : byAddress;
    if (!limit.ok) {
      c.header('retry-after', String(limit.retryAfterSeconds));
      return c.json({ error: 'rate_limited' }, 429);
    }
    const replies = await bot.handleMessage(chatToIncoming(request));
    return c.json({ replies: replies.map((reply) => ({ text: reply.text })) });
  });
  app.get('/widget.js', (c) => {
    c.header('content-type', 'text/javascript; charset=utf-8');
    c.header('cache-control', 'public, max-age=300');
    c.header('x-content-type-options', 'nosniff');
    return c.body(script);
  });
  app.get('/', (c) => {
    c.header('content-security-policy', "default-src 'self'; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'");
    return c.html(DEMO_PAGE);
  });
  return app;
}

/** WEBCHAT_RATE_LIMIT_PER_MINUTE (default 20). */
export function readRateLimit(env: NodeJS.ProcessEnv): number {
  const raw = env.WEBCHAT_RATE_LIMIT_PER_MINUTE?.trim() || '20';
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) {
    throw new Error('WEBCHAT_RATE_LIMIT_PER_MINUTE must be a positive whole number, got ' + JSON.stringify(raw));
  }
  return value;
}

/** The web chat: served by the shared HTTP server, so it starts when PORT is set. */
export const webchatAdapter: Service = {
  name: 'Web chat',
  kind: 'platform',
  requiredEnv: ['PORT'],
  async start(bot, env) {
    const allowedOrigins = parseAllowedOrigins(env.WEBCHAT_ALLOWED_ORIGINS);
    mountRoutes('/', createWebchatRoutes(bot, { allowedOrigins, rateLimitPerMinute: readRateLimit(env), trustProxyHops: readTrustProxyHops(env) }));
    console.log('Web chat: demo page at /, widget at /widget.js, API at /api/chat');
    return { stop: async () => undefined };
  },
};
`;
