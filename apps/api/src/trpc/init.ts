import { type Permission, roleAllows } from '@botsmith/shared';
import { initTRPC, TRPCError } from '@trpc/server';
import superjson from 'superjson';
import { auditFor } from '../activities/audit';
import { configIssuesOf, INTERNAL_ERROR_MESSAGE, toTRPCError } from '../errors';
import type { Context } from './context';
import { plainJsonProblem } from './plain-json-problem';

/** What every procedure declares: the permission it needs (`.meta({ permission })`). */
export interface ProcedureMeta {
  permission: Permission;
}

const t = initTRPC
  .context<Context>()
  .meta<ProcedureMeta>()
  .create({
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
 * The one error mapper: an error a package throws (a name taken, no GitHub access…) reaches
 * the caller as the most specific `TRPCError` (`toTRPCError`), so procedures need no
 * try/catch of their own. tRPC has already wrapped it as INTERNAL_SERVER_ERROR with the cause.
 */
const mapErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.code === 'INTERNAL_SERVER_ERROR' && result.error.cause) {
    const mapped = toTRPCError(result.error.cause);
    if (mapped.code !== 'INTERNAL_SERVER_ERROR') throw mapped;
  }
  return result;
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

/**
 * The one permission check (STYLE: authorization only in middleware and in owner-scoped
 * queries). A procedure that names no permission fails closed. Today every signed-in caller
 * is the `owner` of what they reach — the repository queries are scoped to them — so the
 * role is fixed; team roles will resolve it here from the workspace.
 */
const authorize = t.middleware(({ ctx, meta, next }) => {
  const permission = meta?.permission;
  if (!permission) {
    throw new TRPCError({
      code: 'INTERNAL_SERVER_ERROR',
      message: 'The procedure names no permission.',
    });
  }
  if (permission === 'public') return next();
  if (!ctx.auth) {
    throw new TRPCError({
      code: 'UNAUTHORIZED',
      message:
        ctx.authFailure === 'invalid_api_token'
          ? 'The API token is invalid, expired or revoked.'
          : 'Sign in with GitHub to do this.',
    });
  }
  const role = 'owner';
  if (!roleAllows(role, permission)) {
    throw new TRPCError({ code: 'FORBIDDEN', message: 'You may not do this.' });
  }
  return next({ ctx: { role } });
});

/** Builds routers; router keys are nouns, procedure names verbs (STYLE). */
export const router = t.router;

/** A procedure anyone may call, signed in or not: `.meta({ permission: 'public' })`. */
export const publicProcedure = t.procedure.use(mapErrors).use(plainJsonInput).use(authorize);

/**
 * A procedure for signed-in callers (browser session or API token): `ctx.user` is the
 * caller, `ctx.audit(action, metadata)` writes to their audit log.
 */
export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  // `authorize` refused anonymous callers already unless the procedure is `public`.
  if (!ctx.auth)
    throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in with GitHub to do this.' });
  const { auth } = ctx;
  return next({
    ctx: {
      auth,
      user: auth.user,
      audit: auditFor(ctx.db, { userId: auth.user.id, meta: ctx.meta }),
    },
  });
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
