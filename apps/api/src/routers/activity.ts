import { listActivities } from '@botsmith/db';
import { z } from 'zod';
import { protectedProcedure, router } from '../trpc/init';

/** The caller's audit log. */
export const activityRouter = router({
  /** Most recent first: sign-ins, sign-outs, API tokens created and revoked. */
  list: protectedProcedure
    .input(z.object({ limit: z.number().int().min(1).max(100).default(50) }).default({ limit: 50 }))
    .query(async ({ ctx, input }) => {
      const entries = await listActivities(ctx.db, ctx.user.id, { limit: input.limit });
      return entries.map(({ id, action, ip, userAgent, metadata, createdAt }) => ({
        id,
        action,
        ip,
        userAgent,
        metadata,
        createdAt,
      }));
    }),
});
