import { initTRPC } from '@trpc/server';
import superjson from 'superjson';
import { configIssuesOf, INTERNAL_ERROR_MESSAGE } from '../errors';
import type { Context } from './context';

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

/** Builds routers; router keys are nouns, procedure names verbs (STYLE). */
export const router = t.router;
/** A procedure anyone may call, signed in or not. */
export const publicProcedure = t.procedure;
/** Turns a router into a server-side caller (tests, scripts). */
export const createCallerFactory = t.createCallerFactory;
