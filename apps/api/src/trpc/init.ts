import { initTRPC, TRPCError } from '@trpc/server';
import superjson from 'superjson';
import { configIssuesOf, INTERNAL_ERROR_MESSAGE } from '../errors';
import type { Context } from './context';
import { plainJsonProblem } from './plain-json-problem';

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error, ctx }) {
    const internal = error.code === 'INTERNAL_SERVER_ERROR';
    const { stack: _stack, ...data } = shape.data;
    return {
      ...shape,
      // 5xx say nothing internal: the cause's message could name tables, hosts or files.
      message: internal && !ctx?.exposeErrorDetails ? INTERNAL_ERROR_MESSAGE : shape.message,
      data: {
        ...data,
        ...(ctx?.exposeErrorDetails && shape.data.stack ? { stack: shape.data.stack } : {}),
        // One entry per invalid field (dotted path, message, wizard step) for forms to show.
        configIssues: error.code === 'BAD_REQUEST' ? (configIssuesOf(error.cause) ?? null) : null,
      },
    };
  },
});

/**
 * Every procedure's raw input (a POST body or a GET's `?input=`, after superjson) must be
 * plain, bounded JSON before zod sees it: superjson revives `bigint`, `Date`, `Map`… that our
 * schemas and the database do not expect, and a deep or huge input costs CPU before zod could
 * refuse it. See `plainJsonProblem`.
 */
const plainJsonInput = t.middleware(async ({ getRawInput, next }) => {
  const problem = plainJsonProblem(await getRawInput());
  if (problem) throw new TRPCError({ code: 'BAD_REQUEST', message: `Invalid input: ${problem}` });
  return next();
});

/** Builds routers; router keys are nouns, procedure names verbs (STYLE). */
export const router = t.router;
/** A procedure anyone may call, signed in or not. */
export const publicProcedure = t.procedure.use(plainJsonInput);

/**
 * A procedure for signed-in callers (browser session or API token); `ctx.user` is the caller.
 * Authorization lives here and in owner-scoped repository queries, nowhere else (STYLE).
 */
export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.auth) {
    throw new TRPCError({
      code: 'UNAUTHORIZED',
      message:
        ctx.authFailure === 'invalid_api_token'
          ? 'The API token is invalid, expired or revoked.'
          : 'Sign in with GitHub to do this.',
    });
  }
  return next({ ctx: { auth: ctx.auth, user: ctx.auth.user } });
});

/**
 * A procedure only a browser session may call (signing out, minting API tokens): a leaked
 * API token must not be able to create more tokens that outlive its revocation.
 */
export const sessionProcedure = protectedProcedure.use(({ ctx, next }) => {
  if (ctx.auth.kind !== 'session') {
    throw new TRPCError({
      code: 'FORBIDDEN',
      message: 'Only a signed-in browser session can do this, not an API token.',
    });
  }
  return next({ ctx: { auth: ctx.auth } });
});
/** Turns a router into a server-side caller (tests, scripts). */
export const createCallerFactory = t.createCallerFactory;
