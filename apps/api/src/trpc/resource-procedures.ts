import { type Db, findProject, findSetupRun, type Project } from '@botsmith/db';
import { projectIdSchema, setupRunIdSchema } from '@botsmith/shared';
import { TRPCError } from '@trpc/server';
import { protectedProcedure } from './init';

/**
 * The caller's project, or NOT_FOUND — also when it exists but is someone else's, so ids of
 * other people's projects cannot be probed.
 */
export async function loadOwnProject(db: Db, userId: string, projectId: string): Promise<Project> {
  const project = await findProject(db, userId, projectId);
  if (!project) throw new TRPCError({ code: 'NOT_FOUND', message: 'No such project.' });
  return project;
}

/**
 * A procedure about one project: its input has `projectId` (further `.input()` merges more
 * fields in), and `ctx.project` is the caller's project, loaded once.
 *
 * @example rename: projectProcedure.meta({ permission: 'project:write' }).input(renameSchema).mutation(…)
 */
export const projectProcedure = protectedProcedure
  .input(projectIdSchema)
  .use(async ({ ctx, input, next }) =>
    next({ ctx: { project: await loadOwnProject(ctx.db, ctx.user.id, input.projectId) } }),
  );

/**
 * A procedure about one setup run: its input has `runId`, and `ctx.run` is the caller's run,
 * loaded once (NOT_FOUND for anyone else's).
 */
export const setupRunProcedure = protectedProcedure
  .input(setupRunIdSchema)
  .use(async ({ ctx, input, next }) => {
    const run = await findSetupRun(ctx.db, ctx.user.id, input.runId);
    if (!run) throw new TRPCError({ code: 'NOT_FOUND', message: 'No such setup run.' });
    return next({ ctx: { run } });
  });
