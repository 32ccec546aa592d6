import {
  clearProjectWebhook,
  countDrafts,
  createProject,
  deleteProject,
  findProject,
  insertActivity,
  listProjectsPage,
  type Project,
  ProjectNameTakenError,
  updateProject,
} from '@botsmith/db';
import {
  BUILD_CONFIG_SCHEMA_VERSION,
  pageInputSchema,
  projectIdSchema,
  renameProjectInputSchema,
  saveDraftInputSchema,
} from '@botsmith/shared';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { projectView } from '../projects/project-view';
import { deleteRepoWebhook } from '../projects/repo-webhook';
import type { Context } from '../trpc/context';
import { protectedProcedure, router } from '../trpc/init';

/** How many drafts one user may keep; each holds a config of up to a few kilobytes. */
export const MAX_DRAFTS_PER_USER = 50;

/** Pages name the previous page's last row; anything but an id is not a cursor of ours. */
export const uuidCursor = { cursor: z.uuid().nullish() };

/** The caller's project, or NOT_FOUND — also when it exists but belongs to someone else. */
export async function ownProject(
  ctx: Context,
  ownerId: string,
  projectId: string,
): Promise<Project> {
  const project = await findProject(ctx.db, ownerId, projectId);
  if (!project) throw new TRPCError({ code: 'NOT_FOUND', message: 'No such project.' });
  return project;
}

function nameTaken(error: unknown): never {
  if (error instanceof ProjectNameTakenError) {
    throw new TRPCError({
      code: 'CONFLICT',
      message: `You already have a project named "${error.projectName}"; choose another name.`,
      cause: error,
    });
  }
  throw error;
}

/** The caller's projects (SPEC §2 J4): drafts, and projects set up on GitHub. */
export const projectRouter = router({
  /** Newest first, each with its latest deployment's status. */
  list: protectedProcedure
    .input(pageInputSchema.extend(uuidCursor).default({ limit: 20 }))
    .query(async ({ ctx, input }) => {
      const page = await listProjectsPage(ctx.db, ctx.user.id, input);
      return { items: page.items.map(projectView), nextCursor: page.nextCursor };
    }),

  get: protectedProcedure.input(projectIdSchema).query(async ({ ctx, input }) => {
    return projectView(await ownProject(ctx, ctx.user.id, input.projectId));
  }),

  /** Creates a draft, or updates one; drafts may be incomplete until setup starts. */
  saveDraft: protectedProcedure.input(saveDraftInputSchema).mutation(async ({ ctx, input }) => {
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
      const project = await createProject(ctx.db, ctx.user.id, draft).catch(nameTaken);
      await insertActivity(ctx.db, {
        userId: ctx.user.id,
        projectId: project.id,
        action: 'project.created',
        ...ctx.meta,
        metadata: { name: project.name, draft: true },
      });
      return projectView(project);
    }
    const existing = await ownProject(ctx, ctx.user.id, input.projectId);
    if (existing.status !== 'draft') {
      throw new TRPCError({
        code: 'PRECONDITION_FAILED',
        message: 'This project is already set up on GitHub; only drafts can be edited.',
      });
    }
    const updated = await updateProject(ctx.db, ctx.user.id, existing.id, draft).catch(nameTaken);
    return projectView(updated ?? existing);
  }),

  rename: protectedProcedure.input(renameProjectInputSchema).mutation(async ({ ctx, input }) => {
    const existing = await ownProject(ctx, ctx.user.id, input.projectId);
    if (existing.name === input.name) return projectView(existing);
    const updated = await updateProject(ctx.db, ctx.user.id, existing.id, {
      name: input.name,
    }).catch(nameTaken);
    await insertActivity(ctx.db, {
      userId: ctx.user.id,
      projectId: existing.id,
      action: 'project.renamed',
      ...ctx.meta,
      metadata: { from: existing.name, to: input.name },
    });
    return projectView(updated ?? existing);
  }),

  /**
   * Deletes the record only, never the GitHub repository. A connected webhook is deleted at
   * GitHub first: left behind, it would keep sending events nobody can verify.
   */
  delete: protectedProcedure.input(projectIdSchema).mutation(async ({ ctx, input }) => {
    const project = await ownProject(ctx, ctx.user.id, input.projectId);
    await deleteRepoWebhook(ctx, project);
    await deleteProject(ctx.db, ctx.user.id, project.id);
    await insertActivity(ctx.db, {
      userId: ctx.user.id,
      action: 'project.deleted',
      ...ctx.meta,
      metadata: { projectId: project.id, name: project.name, repoFullName: project.repoFullName },
    });
    return { deleted: true as const, repoFullName: project.repoFullName };
  }),

  /** Deletes the webhook at GitHub and forgets it; deployments stop updating. */
  disconnectWebhook: protectedProcedure.input(projectIdSchema).mutation(async ({ ctx, input }) => {
    const project = await ownProject(ctx, ctx.user.id, input.projectId);
    if (project.webhookId === null && project.webhookSecretCiphertext === null) {
      return projectView(project);
    }
    await deleteRepoWebhook(ctx, project);
    const updated = await clearProjectWebhook(ctx.db, ctx.user.id, project.id);
    await insertActivity(ctx.db, {
      userId: ctx.user.id,
      projectId: project.id,
      action: 'project.webhook_disconnected',
      ...ctx.meta,
      metadata: { hookId: project.webhookId, repoFullName: project.repoFullName },
    });
    return projectView(updated ?? project);
  }),
});
