import type { FastifyBaseLogger, FastifyReply, FastifyRequest } from 'fastify';
import { NO_REQUEST_META, type RequestMeta, requestMeta } from '../activities/request-meta';
import type { RequestAuth } from '../auth/request-auth';
import type { Services } from '../services';
import { type CookiePolicy, clearSessionCookie } from '../sessions/session-cookie';

/** What the web app needs to know to offer sign-in. */
export interface SignInOptions {
  /** The local GitHub emulator signs people in, not github.com (development and tests). */
  emulator: boolean;
  /** The GitHub web host, e.g. `https://github.com`. */
  githubUrl: string;
}

/** What every procedure gets. Built per request, or without one in tests and scripts. */
export interface Context extends Services {
  /** Tagged with the request id when there is a request. */
  log: FastifyBaseLogger;
  requestId: string | null;
  /** Whether error responses may carry stack traces (development only). */
  exposeErrorDetails: boolean;
  /** The caller; read it through `protectedProcedure`, which narrows it to non-null. */
  auth: RequestAuth | null;
  /** Set when credentials were sent but did not authenticate. */
  authFailure: 'invalid_api_token' | null;
  /** IP and user agent for the audit log. */
  meta: RequestMeta;
  /** Drops the session cookie in the response (a no-op without a request). */
  clearSessionCookie: () => void;
  signIn: SignInOptions;
}

/** The process's services plus how this server answers (error details, cookie policy). */
export type ContextDeps = Services & {
  exposeErrorDetails: boolean;
  cookies: CookiePolicy;
};

/** What the tRPC plugin passes per request, or what a test passes instead. */
export interface ContextOptions {
  req?: FastifyRequest;
  res?: FastifyReply;
  /** For `createCaller` in tests: who is calling (ignored when `req` is given). */
  auth?: RequestAuth | null;
}

/**
 * Returns the per-request context factory the tRPC plugin calls; call it without a request
 * to build a context for `createCaller` in tests.
 *
 * @example
 * const caller = appRouter.createCaller(createContextFactory(deps)({ auth: { kind: 'session', … } }));
 */
export function createContextFactory(deps: ContextDeps) {
  return (options: ContextOptions = {}): Context => {
    const { req, res } = options;
    return {
      db: deps.db,
      log: req?.log ?? deps.log,
      requestId: req?.id ?? null,
      exposeErrorDetails: deps.exposeErrorDetails,
      auth: req ? req.auth : (options.auth ?? null),
      authFailure: req?.authFailure ?? null,
      meta: req ? requestMeta(req) : NO_REQUEST_META,
      clearSessionCookie: () => {
        if (res) clearSessionCookie(res, deps.cookies);
      },
      signIn: { emulator: deps.github.emulator, githubUrl: deps.github.webUrl },
      queue: deps.queue,
      cipher: deps.cipher,
      github: deps.github,
      publicUrl: deps.publicUrl,
      addLockfile: deps.addLockfile,
    };
  };
}
