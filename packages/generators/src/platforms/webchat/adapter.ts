import { source } from '../../lib/text';

const PLAIN_MESSAGE = `    const replies = await bot.handleMessage(chatToIncoming({ id: session.id, address }, request.text));`;

// Past the budget the bot still answers, with a reply saying so instead of the model's: the
// widget shows replies as they come, and commands (/help, /reset) need no model and keep working.
// A 429 would refuse the whole message before anyone knows it needs the model.
const BUDGETED_MESSAGE = `    const message = chatToIncoming({ id: session.id, address }, request.text);
    const replies = await bot.handleMessage(budget ? { ...message, takeModelCall: () => budget.take(address) } : message);`;

/**
 * `src/platforms/webchat.ts` of the generated project: the chat API, widget and demo page.
 * With the AI feature each client address also has a daily budget of model calls.
 */
export function webchatAdapterSource({ aiBudget }: { aiBudget: boolean }): string {
  return source(
    `import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { getConnInfo } from '@hono/node-server/conninfo';
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { getCookie, setCookie } from 'hono/cookie';
import { cors } from 'hono/cors';
import { BOT_INFO } from '../config.js';
import type { Bot, IncomingMessage } from '../core/index.js';
import { envNumbers } from '../env.js';
import { mountRoutes } from '../http/server.js';
import { log } from '../log.js';
import type { Service } from '../runtime.js';`,
    aiBudget && "import { DailyBudget } from './webchat-ai-budget.js';",
    `import { RateLimiter } from './webchat-rate-limit.js';
import { DEMO_PAGE, widgetScript } from './webchat-widget.js';

export const MAX_TEXT_LENGTH = 2000;
const MAX_BODY_BYTES = 8 * 1024;
const SESSION_ID = /^[A-Za-z0-9_-]{8,64}$/;

const SESSION_COOKIE = 'webchat_session';
const SESSION_MAX_AGE_SECONDS = 30 * 24 * 3600;

/** A validated POST /api/chat body. */
export interface ChatRequest {
  /** Older widgets send their own id; it is checked but never used to identify anyone. */
  sessionId?: string;
  /** The signed session token the server issued, for pages that cannot rely on the cookie. */
  token?: string;
  text: string;
}

/** Validates the JSON body: 1-2000 characters of text, an optional token and legacy session id. */
export function parseChatRequest(body: unknown): ChatRequest | null {
  if (typeof body !== 'object' || body === null) return null;
  const { sessionId, token, text } = body as Record<string, unknown>;
  if (sessionId !== undefined && (typeof sessionId !== 'string' || !SESSION_ID.test(sessionId))) return null;
  if (token !== undefined && (typeof token !== 'string' || token.length > 200)) return null;
  if (typeof text !== 'string' || text.trim() === '' || text.length > MAX_TEXT_LENGTH) return null;
  return { ...(sessionId === undefined ? {} : { sessionId }), ...(token === undefined ? {} : { token }), text };
}

/**
 * One conversation per server-issued session. Moderation counts the client address as well as
 * the session (senderKeys), so a new session from the same address starts with the same limits.
 */
export function chatToIncoming(session: { id: string; address: string }, text: string): IncomingMessage {
  const id = 'webchat:' + session.id;
  return { platform: 'webchat', conversationId: id, userId: id, text, senderKeys: ['webchat:address:' + session.address, 'webchat:session:' + session.id] };
}

/**
 * Session ids the server issues, as "<id>.<HMAC-SHA256 of id>": a client can keep one but
 * cannot make one up, so rotating ids never yields a session the server did not hand out.
 */
export function sessionSigner(secret: string) {
  const mac = (id: string) => createHmac('sha256', secret).update(id).digest('base64url');
  return {
    issue(): { id: string; token: string } {
      const id = randomBytes(16).toString('base64url');
      return { id, token: id + '.' + mac(id) };
    },
    /** The session id of a token this server signed, or undefined. Compares in constant time. */
    verify(token: string | undefined): string | undefined {
      if (!token) return undefined;
      const [id, signature, extra] = token.split('.');
      if (!id || !signature || extra !== undefined) return undefined;
      const expected = Buffer.from(mac(id));
      const given = Buffer.from(signature);
      return given.length === expected.length && timingSafeEqual(given, expected) ? id : undefined;
    },
  };
}

/** WEBCHAT_SESSION_SECRET: required in production; in development a random one per process. */
export function readSessionSecret(env: NodeJS.ProcessEnv): string {
  const secret = env.WEBCHAT_SESSION_SECRET?.trim();
  if (secret) {
    if (secret.length < 32) throw new Error('WEBCHAT_SESSION_SECRET must be at least 32 characters (try: openssl rand -hex 32)');
    return secret;
  }
  if (env.NODE_ENV === 'production') throw new Error('WEBCHAT_SESSION_SECRET is required in production (try: openssl rand -hex 32)');
  log.warn('WEBCHAT_SESSION_SECRET is not set: using a random one, so web chat sessions end when the process restarts');
  return randomBytes(32).toString('hex');
}

function bearerToken(header: string | undefined): string | undefined {
  return header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : undefined;
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
  /** Signs session tokens; a random one per call when not given (tests). */
  sessionSecret?: string;
  /** Proxies in front of the bot that append to X-Forwarded-For (TRUST_PROXY_HOPS, default 0). */
  trustProxyHops?: number;
  /** Identifies the client for rate limiting; defaults to clientAddressFrom() on the request. */
  clientAddress?: (c: Context) => string;`,
    aiBudget &&
      '  /** AI model calls one client address may cause per UTC day (AI_DAILY_BUDGET_PER_ADDRESS); unlimited without. */\n  aiDailyBudgetPerAddress?: number;',
    `}

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

/** The web chat routes: POST /api/chat, GET /widget.js and the demo page at GET /. */
export function createWebchatRoutes(bot: Bot, options: WebchatOptions): Hono {
  const limiter = new RateLimiter({ perMinute: options.rateLimitPerMinute, ...(options.now ? { now: options.now } : {}) });
  const hops = options.trustProxyHops ?? 0;
  const clientAddress = options.clientAddress ?? ((c: Context) => clientAddressFrom(c.req.header('x-forwarded-for'), socketAddress(c), hops));
  const allowed = (origin: string, c: Context) => isAllowedOrigin(origin, options.allowedOrigins, c.req.header('host'));
  const signer = sessionSigner(options.sessionSecret ?? randomBytes(32).toString('hex'));`,
    aiBudget &&
      '  const budget = options.aiDailyBudgetPerAddress === undefined ? undefined : new DailyBudget({ perDay: options.aiDailyBudgetPerAddress, ...(options.now ? { now: options.now } : {}) });',
    `  const script = widgetScript(BOT_INFO.name);
  const app = new Hono();

  app.use('/api/*', cors({ origin: (origin, c) => (allowed(origin, c) ? origin : null), allowMethods: ['POST'], allowHeaders: ['content-type', 'authorization'], maxAge: 600 }));
  app.post('/api/chat', bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => c.json({ error: 'too_large' }, 413) }), async (c) => {
    // CORS only stops browsers from reading the answer; refuse foreign pages outright.
    const origin = c.req.header('origin');
    if (origin !== undefined && !allowed(origin, c)) return c.json({ error: 'origin_not_allowed' }, 403);
    const request = parseChatRequest(await c.req.json().catch(() => null));
    if (!request) {
      return c.json({ error: 'invalid_request', message: 'Send {"text": 1-2000 characters, "token": the token of an earlier answer}.' }, 400);
    }
    // An unsigned, forged or missing token means a new session; the client's own id counts for nothing.
    const presented = bearerToken(c.req.header('authorization')) ?? request.token ?? getCookie(c, SESSION_COOKIE);
    const verified = signer.verify(presented);
    const session = verified !== undefined && presented !== undefined ? { id: verified, token: presented } : signer.issue();
    // Both must pass: the address alone, so rotating session ids gains nothing, and the session.
    const address = clientAddress(c);
    const byAddress = limiter.take('address ' + address);
    const limit = byAddress.ok ? limiter.take('session ' + session.id) : byAddress;
    if (!limit.ok) {
      c.header('retry-after', String(limit.retryAfterSeconds));
      return c.json({ error: 'rate_limited' }, 429);
    }
    const https = new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';
    setCookie(c, SESSION_COOKIE, session.token, { httpOnly: true, sameSite: 'Lax', secure: https, path: '/api', maxAge: SESSION_MAX_AGE_SECONDS });`,
    aiBudget ? BUDGETED_MESSAGE : PLAIN_MESSAGE,
    `    // Only what the widget shows: text and the choices to press.
    const shown = replies.map(({ text, choices }) => (choices ? { text, choices } : { text }));
    return c.json({ replies: shown, token: session.token });
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

/** The web chat: served by the shared HTTP server, so it starts when PORT is set. */
export const webchatAdapter: Service = {
  name: 'Web chat',
  kind: 'platform',
  requiredEnv: ['PORT'],
  async start(bot, env) {
    const allowedOrigins = parseAllowedOrigins(env.WEBCHAT_ALLOWED_ORIGINS);
    const numbers = envNumbers(env);
    mountRoutes('/', createWebchatRoutes(bot, {
        allowedOrigins,
        rateLimitPerMinute: numbers.WEBCHAT_RATE_LIMIT_PER_MINUTE,
        trustProxyHops: numbers.TRUST_PROXY_HOPS,`,
    aiBudget && '        aiDailyBudgetPerAddress: numbers.AI_DAILY_BUDGET_PER_ADDRESS,',
    `        sessionSecret: readSessionSecret(env),
      }));
    log.info('Web chat: demo page at /, widget at /widget.js, API at /api/chat');
    return { stop: async () => undefined };
  },
};
`,
  );
}
