import { MAX_BATCH_SIZE } from '@botsmith/shared';
import fastifyCookie from '@fastify/cookie';
import { type FastifyTRPCPluginOptions, fastifyTRPCPlugin } from '@trpc/server/adapters/fastify';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import { registerGitHubRoutes } from './auth/github-routes';
import { requestAuthPlugin } from './auth/request-auth';
import { registerDownloadRoute } from './downloads/download-route';
import type { Env, RateLimits } from './env';
import { registerErrorHandler } from './errors';
import { registerHealthRoutes } from './http/health-routes';
import { REQUEST_ID_HEADER, requestIdFor } from './http/request-id';
import { hasSpa, registerNotFound, registerSpa } from './http/spa';
import { startExpirySweep } from './jobs/sweep-expired';
import { registerCors } from './security/cors';
import { csrfPlugin } from './security/csrf';
import { rateLimitPlugin } from './security/rate-limit';
import { registerSecurityHeaders } from './security/security-headers';
import { trpcMediaTypePlugin } from './security/trpc-media-type';
import type { Services } from './services';
import type { CookiePolicy } from './sessions/session-cookie';
import { type AppRouter, appRouter } from './trpc/app-router';
import { createContextFactory } from './trpc/context';
import { registerWebhookRoute } from './webhooks/webhook-route';

/** Largest request body we read (JSON configs are a few kilobytes). */
export const BODY_LIMIT_BYTES = 1024 * 1024;

const PROBE_PATHS = new Set(['/health', '/ready']);

/** How the HTTP server listens and guards itself; its dependencies come as `Services`. */
export interface ServerOptions {
  host: string;
  port: number;
  nodeEnv: Env['NODE_ENV'];
  /** The built SPA to serve; ignored when it has no index.html. */
  webDistDir?: string | null;
  /** Other origins allowed to call the API from a browser (CORS_ORIGINS). */
  corsOrigins?: readonly string[];
  rateLimits: RateLimits;
  /** Fastify's `trustProxy` (TRUST_PROXY): which `X-Forwarded-For` hops to believe. */
  trustProxy?: boolean | number | string[];
}

/** A configured server: `app` for `inject()` in tests, `start`/`stop` to listen and drain. */
export interface BotsmithServer {
  app: FastifyInstance;
  /** Listens on `host:port` and resolves to the address, e.g. `http://127.0.0.1:3000`. */
  start(): Promise<string>;
  /** Stops accepting connections, waits for requests in flight, then resolves. */
  stop(): Promise<void>;
}

/**
 * Builds the HTTP server: tRPC at `/trpc`, sign-in at `/auth/github`, `POST /api/download`,
 * `/health`, `/ready`, and the SPA when one is built, inside the security envelope (headers,
 * CORS, CSRF, rate limits). Routes are registered but nothing listens until `start()`.
 *
 * @example
 * const server = createServer(services, { host: '127.0.0.1', port: 3000, nodeEnv: 'development', rateLimits });
 * await server.start();
 * process.once('SIGTERM', () => server.stop());
 */
export function createServer(services: Services, config: ServerOptions): BotsmithServer {
  const { db, publicUrl } = services;
  const app = Fastify({
    loggerInstance: services.log,
    genReqId: requestIdFor,
    logController: new LogController({
      requestIdLogLabel: 'requestId',
      // Probes hit these every few seconds; a failing /ready still logs a warning.
      disableRequestLogging: (request) => PROBE_PATHS.has(request.url),
    }),
    bodyLimit: BODY_LIMIT_BYTES,
    // tRPC batches put every procedure name in one path segment (`/trpc/a.b,c.d`).
    routerOptions: { maxParamLength: 5000 },
    trustProxy:
      typeof config.trustProxy === 'number'
        ? // A hop count: trust that many proxies in front of us.
          (_address: string, hop: number) => hop < (config.trustProxy as number)
        : (config.trustProxy ?? false),
  });
  const production = config.nodeEnv === 'production';
  const cookies: CookiePolicy = { secure: production };

  let stopping = false;
  app.addHook('onRequest', async (request, reply) => {
    reply.header(REQUEST_ID_HEADER, request.id);
  });
  app.addHook('onSend', async (_request, reply) => {
    // Fastify closes idle keep-alive sockets once, when closing starts; a socket busy with a
    // request in flight would stay open afterwards and block the drain. Closing it with the
    // response lets `stop()` finish.
    if (stopping) reply.header('connection', 'close');
  });
  registerErrorHandler(app);

  // The security envelope, in order: headers on everything, CORS, cookies, then refuse
  // cross-site cookie requests and non-JSON tRPC bodies before any database work, resolve the
  // caller, and count the request against its rate limit.
  registerSecurityHeaders(app, { production, publicUrl, github: services.github });
  registerCors(app, config.corsOrigins ?? []);
  app.register(fastifyCookie);
  app.register(csrfPlugin, {
    cookies,
    trustedOrigins: [publicUrl, ...(config.corsOrigins ?? [])],
  });
  app.register(trpcMediaTypePlugin, { prefix: '/trpc' });
  app.register(requestAuthPlugin, { db, cookies });
  app.register(rateLimitPlugin, { db, limits: config.rateLimits });

  const exposeErrorDetails = config.nodeEnv === 'development';
  app.register(fastifyTRPCPlugin, {
    prefix: '/trpc',
    trpcOptions: {
      router: appRouter,
      createContext: createContextFactory({ ...services, exposeErrorDetails, cookies }),
      maxBodySize: BODY_LIMIT_BYTES,
      // One request must not fan out into hundreds of calls; our clients split at this size.
      maxBatchSize: MAX_BATCH_SIZE,
      // Large queries (a whole BuildConfig) may come as POST instead of an over-long URL.
      allowMethodOverride: true,
      onError({ error, path, req }) {
        if (error.code === 'INTERNAL_SERVER_ERROR') {
          req.log.error({ err: error.cause ?? error, path }, 'procedure failed');
        }
      },
    } satisfies FastifyTRPCPluginOptions<AppRouter>['trpcOptions'],
  });
  registerGitHubRoutes(app, { ...services, cookies, production });
  registerWebhookRoute(app, services);
  registerHealthRoutes(app, db);
  registerDownloadRoute(app, services);

  const spa = hasSpa(config.webDistDir);
  if (spa) registerSpa(app, config.webDistDir as string);
  registerNotFound(app, spa);

  let stopSweep: (() => void) | undefined;
  return {
    app,
    async start() {
      const address = await app.listen({ host: config.host, port: config.port });
      stopSweep = startExpirySweep(db, services.log);
      return address;
    },
    async stop() {
      // Fastify stops accepting, answers 503 to new requests on open keep-alive sockets and
      // resolves once requests in flight have finished.
      stopping = true;
      stopSweep?.();
      await app.close();
    },
  };
}
