import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { authenticate } from './auth';
import type { EmulatorContext } from './context';
import { DOCS_URL, GitHubError } from './errors';
import { GHES_PREFIX } from './ghes-prefix';
import { defaultFaultBody, holdRequest, normalizePath, takeFault } from './http/faults';
import { countRequest } from './http/rate-limit';
import { registerActionsRoutes } from './routes/actions';
import { registerControlRoutes } from './routes/control';
import { registerDeploymentRoutes } from './routes/deployments';
import { registerEnvironmentRoutes } from './routes/environments';
import { registerGitDataRoutes } from './routes/git-data';
import { registerGitRefRoutes } from './routes/git-refs';
import { registerHookRoutes } from './routes/hooks';
import { registerOAuthApiRoutes, registerOAuthRoutes } from './routes/oauth';
import { registerRepoRoutes } from './routes/repos';
import { registerSecretRoutes } from './routes/secrets';
import { registerUserRoutes } from './routes/users';
import { registerVariableRoutes } from './routes/variables';
import type { RequestLogEntry } from './state';

// Large single-commit trees (hundreds of inline files) must fit in one request.
const BODY_LIMIT = 50 * 1024 * 1024;

/** REST routes answer at the root and under `/api/v3`; the web flow and control API do not. */
function isRest(path: string): boolean {
  return !path.startsWith('/login/') && !path.startsWith('/_emulator');
}

// api.github.com answers CORS for any origin; browsers may call it directly.
const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers':
    'ETag, Link, Location, Retry-After, X-GitHub-OTP, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Used, X-RateLimit-Resource, X-RateLimit-Reset, X-OAuth-Scopes, X-Accepted-OAuth-Scopes, X-Poll-Interval, X-GitHub-Media-Type, X-GitHub-Request-Id, Deprecation, Sunset',
};

function safeAuth(ctx: EmulatorContext, request: FastifyRequest) {
  try {
    return authenticate(ctx.store.state, request);
  } catch {
    return null;
  }
}

function registerParsers(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser(
    /^application\/([\w.-]+\+)?json(\s*;.*)?$/,
    { parseAs: 'string' },
    (_req, body, done) => {
      const text = String(body);
      if (text.trim() === '') return done(null, undefined);
      try {
        done(null, JSON.parse(text));
      } catch {
        done(new GitHubError(400, 'Problems parsing JSON'), undefined);
      }
    },
  );
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(body))));
    },
  );
}

function registerHooks(app: FastifyInstance, ctx: EmulatorContext): void {
  const faulted = new WeakSet<FastifyRequest>();
  app.addHook('onRequest', async (request, reply) => {
    const path = normalizePath(request.url);
    if (path.startsWith('/_emulator')) return;
    if (isRest(path)) {
      const auth = safeAuth(ctx, request);
      const key = auth ? auth.token.token : `ip:${request.ip}`;
      reply.headers(countRequest(ctx.store.state, key, auth !== null));
    }
    const state = ctx.store.state;
    const fault = takeFault(state, request.method, request.url);
    if (!fault) return;
    faulted.add(request);
    if (fault.holdMs > 0) await holdRequest(state, fault, request.method, path);
    if (fault.drop) {
      // A connection that dies without an answer: the client sees a socket error.
      state.requestLog.push(logEntry(request, path, 0, true));
      reply.hijack();
      request.raw.socket.destroy();
      return;
    }
    if (fault.status === null) return; // only late: handled as usual
    return reply
      .code(fault.status)
      .headers(fault.headers)
      .send(fault.body ?? defaultFaultBody(fault.status));
  });
  app.addHook('onSend', async (request, reply, payload) => {
    const path = normalizePath(request.url);
    if (!isRest(path)) return payload;
    reply.headers(CORS_HEADERS);
    reply.header('x-github-media-type', 'github.v3; format=json');
    reply.header('x-github-api-version-selected', '2022-11-28');
    reply.header('x-github-request-id', randomUUID().slice(0, 23).toUpperCase());
    const auth = reply.statusCode === 401 ? null : safeAuth(ctx, request);
    if (auth) {
      reply.header('x-oauth-scopes', auth.token.scopes.join(', '));
      if (!reply.hasHeader('x-accepted-oauth-scopes')) reply.header('x-accepted-oauth-scopes', '');
    }
    return payload;
  });
  app.addHook('onResponse', async (request, reply) => {
    const path = normalizePath(request.url);
    if (path.startsWith('/_emulator')) return;
    const log = ctx.store.state.requestLog;
    log.push(logEntry(request, path, reply.statusCode, faulted.has(request)));
    if (log.length > 10_000) log.splice(0, log.length - 10_000);
  });
}

function logEntry(
  request: FastifyRequest,
  path: string,
  status: number,
  faulted: boolean,
): RequestLogEntry {
  return {
    method: request.method,
    path,
    url: request.url,
    status,
    faulted,
    at: new Date().toISOString(),
  };
}

function registerErrors(app: FastifyInstance): void {
  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof GitHubError) {
      return reply.code(error.statusCode).headers(error.headers).send(error.toBody());
    }
    const status = (error as { statusCode?: number }).statusCode;
    if (status && status >= 400 && status < 500) {
      const message = error instanceof Error ? error.message : String(error);
      return reply
        .code(status)
        .send({ message, documentation_url: DOCS_URL, status: String(status) });
    }
    process.stderr.write(
      `github-emulator: ${error instanceof Error ? error.stack : String(error)}\n`,
    );
    return reply
      .code(500)
      .send({ message: 'Server Error', documentation_url: DOCS_URL, status: '500' });
  });
  app.setNotFoundHandler((_request, reply) =>
    reply.code(404).send({ message: 'Not Found', documentation_url: DOCS_URL, status: '404' }),
  );
}

/** Builds the Fastify app: REST at `/` and `/api/v3`, the OAuth web flow, the control API. */
export async function buildServer(ctx: EmulatorContext): Promise<FastifyInstance> {
  const app = Fastify({
    logger: false,
    // Stopping closes every connection: one whose client gave up on a held request would
    // otherwise keep `close()` waiting for the keep-alive timeout (72 s).
    forceCloseConnections: true,
    bodyLimit: BODY_LIMIT,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 2000 },
  });
  registerParsers(app);
  registerHooks(app, ctx);
  registerErrors(app);
  const rest = async (scope: FastifyInstance) => {
    registerUserRoutes(scope, ctx);
    registerRepoRoutes(scope, ctx);
    registerGitDataRoutes(scope, ctx);
    registerGitRefRoutes(scope, ctx);
    registerSecretRoutes(scope, ctx);
    registerVariableRoutes(scope, ctx);
    registerEnvironmentRoutes(scope, ctx);
    registerHookRoutes(scope, ctx);
    registerActionsRoutes(scope, ctx);
    registerDeploymentRoutes(scope, ctx);
    registerOAuthApiRoutes(scope, ctx);
  };
  await app.register(rest);
  await app.register(rest, { prefix: GHES_PREFIX });
  app.options('/*', async (_request, reply) =>
    reply
      .code(204)
      .headers({
        'access-control-allow-headers':
          'Authorization, Content-Type, If-Match, If-Modified-Since, If-None-Match, If-Unmodified-Since, Accept-Encoding, X-GitHub-OTP, X-Requested-With, User-Agent, X-GitHub-Api-Version',
        'access-control-allow-methods': 'GET, POST, PATCH, PUT, DELETE',
        'access-control-max-age': '86400',
      })
      .send(),
  );
  registerOAuthRoutes(app, ctx);
  registerControlRoutes(app, ctx);
  return app;
}
