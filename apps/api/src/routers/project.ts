import {
  clearProjectWebhook,
  countDrafts,
  createProject,
  deleteProject,
  latestDeploymentUrl,
  listProjectsPage,
  updateProject,
} from '@botsmith/db';
import {
  BUILD_CONFIG_SCHEMA_VERSION,
  pageInputSchema,
  renameProjectInputSchema,
  saveDraftInputSchema,
} from '@botsmith/shared';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { projectView } from '../projects/project-view';
import { deleteRepoWebhook } from '../projects/repo-webhook';
import { protectedProcedure, router } from '../trpc/init';
import { loadOwnProject, projectProcedure } from '../trpc/resource-procedures';

/** How many drafts one user may keep; each holds a config of up to a few kilobytes. */
export const MAX_DRAFTS_PER_USER = 50;

/** Pages name the previous page's last row; anything but an id is not a cursor of ours. */
export const uuidCursor = { cursor: z.uuid().nullish() };

/** The caller's projects (SPEC §2 J4): drafts, and projects set up on GitHub. */
export const projectRouter = router({
  /** Newest first, each with its latest deployment's status. */
  list: protectedProcedure
    .meta({ permission: 'project:read' })
    .input(pageInputSchema.extend(uuidCursor).default({ limit: 20 }))
    .query(async ({ ctx, input }) => {
      const page = await listProjectsPage(ctx.db, ctx.user.id, input);
      return { items: page.items.map(projectView), nextCursor: page.nextCursor };
    }),

  /** The project, with where its bot answers once a deployment reported a URL. */
  get: projectProcedure.meta({ permission: 'project:read' }).query(async ({ ctx }) => ({
    ...projectView(ctx.project),
    deploymentUrl: await latestDeploymentUrl(ctx.db, ctx.user.id, ctx.project.id),
  })),

  /** Creates a draft, or updates one; drafts may be incomplete until setup starts. */
  saveDraft: protectedProcedure
    .meta({ permission: 'project:write' })
    .input(saveDraftInputSchema)
    .mutation(async ({ ctx, input }) => {
      const draft = {
        name: input.name,
        config: input.config,
        configSchemaVersion: BUILD_CONFIG_SCHEMA_VERSION,
      };
      if (!input.projectId) {
        // CONFLICT: the caller's drafts are at the cap, which they resolve by deleting one; not
        // TOO_MANY_REQUESTS, which means "wait and retry" here (rate limits, Retry-After).
        // Checked before the insert, so racing saves may pass it by a few; it bounds, not counts.
        if ((await countDrafts(ctx.db, ctx.user.id)) >= MAX_DRAFTS_PER_USER) {
          throw new TRPCError({
            code: 'CONFLICT',
            message: `You already have ${MAX_DRAFTS_PER_USER} drafts, the most you can keep; delete one to save another.`,
          });
        }
        const project = await createProject(ctx.db, ctx.user.id, draft);
        await ctx.audit(
          'project.created',
          { name: project.name, draft: true },
          { projectId: project.id },
        );
        return projectView(project);
      }
      const existing = await loadOwnProject(ctx.db, ctx.user.id, input.projectId);
      if (existing.status !== 'draft') {
        throw new TRPCError({
          code: 'PRECONDITION_FAILED',
          message: 'This project is already set up on GitHub; only drafts can be edited.',
        });
      }
      const updated = await updateProject(ctx.db, ctx.user.id, existing.id, draft);
      return projectView(updated ?? existing);
    }),

  rename: projectProcedure
    .meta({ permission: 'project:write' })
    .input(renameProjectInputSchema)
    .mutation(async ({ ctx, input }) => {
      const { project } = ctx;
      if (project.name === input.name) return projectView(project);
      const updated = await updateProject(ctx.db, ctx.user.id, project.id, { name: input.name });
      await ctx.audit(
        'project.renamed',
        { from: project.name, to: input.name },
        { projectId: project.id },
      );
      return projectView(updated ?? project);
    }),

  /**
   * Deletes the record only, never the GitHub repository. A connected webhook is deleted at
   * GitHub first: left behind, it would keep sending events nobody can verify.
   */
  delete: projectProcedure.meta({ permission: 'project:delete' }).mutation(async ({ ctx }) => {
    const { project } = ctx;
    await deleteRepoWebhook(ctx, project);
    await deleteProject(ctx.db, ctx.user.id, project.id);
    await ctx.audit('project.deleted', {
      projectId: project.id,
      name: project.name,
      repoFullName: project.repoFullName,
    });
    return { deleted: true as const, repoFullName: project.repoFullName };
  }),

  /** Deletes the webhook at GitHub and forgets it; deployments stop updating. */
  disconnectWebhook: projectProcedure
    .meta({ permission: 'project:write' })
    .mutation(async ({ ctx }) => {
      const { project } = ctx;
      if (project.webhookId === null && project.webhookSecretCiphertext === null) {
        return projectView(project);
      }
      await deleteRepoWebhook(ctx, project);
      const updated = await clearProjectWebhook(ctx.db, ctx.user.id, project.id);
      await ctx.audit(
        'project.webhook_disconnected',
        { hookId: project.webhookId, repoFullName: project.repoFullName },
        { projectId: project.id },
      );
      return projectView(updated ?? project);
    }),
});
