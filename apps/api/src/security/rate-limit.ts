import { type Db, hitRateLimit } from '@botsmith/db';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { RateLimits } from '../env';
import { errorBody } from '../errors';

/** Every limit counts requests per client in one-minute fixed windows. */
export const RATE_LIMIT_WINDOW_MS = 60_000;

type Bucket = keyof RateLimits;

const MESSAGES: Record<Bucket, string> = {
  auth: 'Too many sign-in requests from this address.',
  api: 'Too many API requests.',
  webhook: 'Too many webhook deliveries from this address.',
};

/**
 * How many calls a tRPC request makes: a batch names each in its path (`/trpc/a.b,c.d`), and
 * each costs what a request of its own would, so a batch must not count as one. Commas count
 * even without `?batch=1` (tRPC then answers 404): overcounting that costs no real client.
 */
function callsIn(request: FastifyRequest): number {
  const { path } = request.params as { path?: unknown };
  return typeof path === 'string' ? path.split(',').length : 1;
}

/** Which limit applies to a request, whose count it adds to, and how many hits it costs. */
function classify(request: FastifyRequest): { bucket: Bucket; key: string; hits: number } | null {
  // Classify by the matched route, not the raw path: unknown paths (404s, or the static-file
  // wildcard answering `/api/typo`) touch nothing worth protecting.
  const route = request.routeOptions.url;
  if (!route) return null;
  const ip = request.ip;
  if (route.startsWith('/auth/')) {
    // One count per route: completing a sign-in (start + callback) costs one of each.
    return { bucket: 'auth', key: `auth:${route}:ip:${ip}`, hits: 1 };
  }
  if (route.startsWith('/webhooks/')) {
    return { bucket: 'webhook', key: `webhook:ip:${ip}`, hits: 1 };
  }
  if (route.startsWith('/trpc/') || route.startsWith('/api/')) {
    // Signed-in callers are counted per account (wherever they connect from), others per IP.
    const user = request.auth?.user.id;
    const hits = route.startsWith('/trpc/') ? callsIn(request) : 1;
    return { bucket: 'api', key: user ? `api:user:${user}` : `api:ip:${ip}`, hits };
  }
  return null;
}

/**
 * Rate limits shared by every app instance through the `rate_limits` table (the embedded
 * setup has no Redis): stricter on sign-in routes, per user or IP on the API, separately for
 * webhooks; each call of a tRPC batch counts. Over the limit: 429 with `Retry-After`
 * (seconds) and a JSON error, also for a batch that only part of would have fit. Registered
 * after `requestAuthPlugin` so API requests count against the caller's account.
 */
export const rateLimitPlugin = fp(
  async (app: FastifyInstance, options: { db: Db; limits: RateLimits }) => {
    app.addHook('onRequest', async (request, reply) => {
      const rule = classify(request);
      if (!rule) return;
      const limit = options.limits[rule.bucket];
      if (limit === 0) return;
      const now = new Date();
      const hit = await hitRateLimit(options.db, rule.key, RATE_LIMIT_WINDOW_MS, now, rule.hits);
      const resetSeconds = Math.max(1, Math.ceil((hit.resetAt.getTime() - now.getTime()) / 1000));
      reply.header('ratelimit-limit', limit);
      reply.header('ratelimit-remaining', Math.max(0, limit - hit.count));
      reply.header('ratelimit-reset', resetSeconds);
      if (hit.count <= limit) return;
      request.log.warn({ bucket: rule.bucket, count: hit.count, limit }, 'rate limited');
      return reply
        .code(429)
        .header('retry-after', resetSeconds)
        .send(
          errorBody('TOO_MANY_REQUESTS', `${MESSAGES[rule.bucket]} Retry in ${resetSeconds} s.`),
        );
    });
  },
  { name: 'botsmith-rate-limit', dependencies: ['botsmith-request-auth'] },
);
