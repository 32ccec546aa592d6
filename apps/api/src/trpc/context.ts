import type { Db } from '@botsmith/db';
import type { FastifyBaseLogger, FastifyRequest } from 'fastify';

/** What every procedure gets. Built per request, or without one in tests and scripts. */
export interface Context {
  db: Db;
  /** Tagged with the request id when there is a request. */
  log: FastifyBaseLogger;
  requestId: string | null;
  /** Whether error responses may carry stack traces (development only). */
  exposeErrorDetails: boolean;
}

/** The long-lived dependencies procedures need. */
export interface ContextDeps {
  db: Db;
  log: FastifyBaseLogger;
  exposeErrorDetails: boolean;
}

/**
 * Returns the per-request context factory the tRPC plugin calls; call it with no request to
 * build a context for `createCaller` in tests.
 *
 * @example
 * const caller = appRouter.createCaller(createContextFactory({ db, log, exposeErrorDetails: true })());
 */
export function createContextFactory(deps: ContextDeps) {
  return (options?: { req: FastifyRequest }): Context => ({
    db: deps.db,
    log: options?.req.log ?? deps.log,
    requestId: options?.req.id ?? null,
    exposeErrorDetails: deps.exposeErrorDetails,
  });
}
