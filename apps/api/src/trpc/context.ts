import type { Db } from '@botsmith/db';
import type { FastifyBaseLogger, FastifyReply, FastifyRequest } from 'fastify';
import { NO_REQUEST_META, type RequestMeta, requestMeta } from '../activities/request-meta';
import type { RequestAuth } from '../auth/request-auth';
import type { Cipher } from '../crypto/cipher';
import type { GitHubConfig } from '../github/github-config';
import type { JobQueue } from '../jobs/job-queue';
import { type CookiePolicy, clearSessionCookie } from '../sessions/session-cookie';

/** What the web app needs to know to offer sign-in. */
export interface SignInOptions {
  /** The local GitHub emulator signs people in, not github.com (development and tests). */
  emulator: boolean;
  /** The GitHub web host, e.g. `https://github.com`. */
  githubUrl: string;
}

/** What every procedure gets. Built per request, or without one in tests and scripts. */
export interface Context {
  db: Db;
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
  /** Durable jobs; `null` when the process runs none (some tests), so enqueueing must check. */
  queue: JobQueue | null;
  /** Seals secrets at rest (GitHub tokens, webhook secrets). */
  cipher: Cipher;
  github: GitHubConfig;
  /** The origin users (and GitHub's webhooks) reach us at. */
  publicUrl: string;
}

/** The long-lived dependencies procedures need. */
export interface ContextDeps {
  db: Db;
  log: FastifyBaseLogger;
  exposeErrorDetails: boolean;
  cookies: CookiePolicy;
  signIn: SignInOptions;
  queue: JobQueue | null;
  cipher: Cipher;
  github: GitHubConfig;
  publicUrl: string;
}

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
      signIn: deps.signIn,
      queue: deps.queue,
      cipher: deps.cipher,
      github: deps.github,
      publicUrl: deps.publicUrl,
    };
  };
}
