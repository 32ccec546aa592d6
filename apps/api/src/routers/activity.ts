import { listActivitiesPage } from '@botsmith/db';
import { z } from 'zod';
import { protectedProcedure, router } from '../trpc/init';
import { loadOwnProject } from '../trpc/resource-procedures';
import { uuidCursor } from './project';

/** The caller's audit log. */
export const activityRouter = router({
  /**
   * Most recent first: sign-ins, API tokens, projects, webhooks, deployments; optionally only
   * about one project. Still a plain array (the account page reads it so): for the next page
   * pass the last entry's `id` as `cursor`; a page shorter than `limit` is the last.
   */
  list: protectedProcedure
    .meta({ permission: 'account:read' })
    .input(
      z
        .object({
          limit: z.number().int().min(1).max(100).default(50),
          projectId: z.uuid().optional(),
          ...uuidCursor,
        })
        .default({ limit: 50 }),
    )
    .query(async ({ ctx, input }) => {
      if (input.projectId) await loadOwnProject(ctx.db, ctx.user.id, input.projectId);
      const page = await listActivitiesPage(ctx.db, ctx.user.id, input);
      return page.items.map(({ id, action, projectId, ip, userAgent, metadata, createdAt }) => ({
        id,
        action,
        projectId,
        ip,
        userAgent,
        metadata,
        createdAt,
      }));
    }),
});
