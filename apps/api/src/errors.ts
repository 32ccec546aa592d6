import { ProjectNameTakenError } from '@botsmith/db';
import { type ConfigIssue, formatConfigIssues } from '@botsmith/shared';
import { TRPCError } from '@trpc/server';
import type { FastifyError, FastifyInstance } from 'fastify';
import { z } from 'zod';
import { GitHubAccessMissingError } from './github/octokit';

/** The JSON body of every non-tRPC error response. `code` is stable; `message` is for people. */
export interface ErrorBody {
  error: { code: string; message: string; issues?: ConfigIssue[] };
}

/** Builds an `ErrorBody`. */
export function errorBody(code: string, message: string, issues?: ConfigIssue[]): ErrorBody {
  return { error: issues ? { code, message, issues } : { code, message } };
}

/** What a 5xx says: nothing internal; the request id (in `x-request-id`) finds the log line. */
export const INTERNAL_ERROR_MESSAGE =
  'Something went wrong on our side. Quote the x-request-id header when reporting it.';

const CODES_BY_STATUS: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  408: 'TIMEOUT',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
  503: 'SERVICE_UNAVAILABLE',
};

/** Field-level issues for a config problem (a zod error from validating input), else `undefined`. */
export function configIssuesOf(cause: unknown): ConfigIssue[] | undefined {
  if (cause instanceof z.ZodError) return formatConfigIssues(cause);
  return undefined;
}

/**
 * Maps errors thrown by our packages to the most specific `TRPCError`, keeping the `cause`.
 * Anything unknown becomes INTERNAL_SERVER_ERROR, whose message the formatter hides. Every
 * procedure goes through it (the `mapErrors` middleware in `trpc/init.ts`).
 */
export function toTRPCError(error: unknown): TRPCError {
  if (error instanceof TRPCError) return error;
  if (error instanceof GitHubAccessMissingError) {
    return new TRPCError({ code: 'PRECONDITION_FAILED', message: error.message, cause: error });
  }
  if (error instanceof ProjectNameTakenError) {
    return new TRPCError({
      code: 'CONFLICT',
      message: `You already have a project named "${error.projectName}"; choose another name.`,
      cause: error,
    });
  }
  return new TRPCError({ code: 'INTERNAL_SERVER_ERROR', cause: error });
}

/**
 * JSON errors for everything outside tRPC (which formats its own): 4xx keep Fastify's message
 * (it says what is wrong with the request), 5xx are logged and answered generically.
 */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
    if (status >= 500) {
      request.log.error({ err: error }, 'request failed');
      return reply.code(500).send(errorBody('INTERNAL_SERVER_ERROR', INTERNAL_ERROR_MESSAGE));
    }
    request.log.info({ code: error.code, status }, error.message);
    return reply
      .code(status)
      .send(errorBody(CODES_BY_STATUS[status] ?? 'BAD_REQUEST', error.message));
  });
}
