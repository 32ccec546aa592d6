import {
  type Db,
  findLatestSetupRun,
  findSetupRun,
  insertActivity,
  listSetupSteps,
  type SetupRun,
  setSetupRunStatus,
  updateSetupStep,
} from '@botsmith/db';
import {
  FINISHED_SETUP_RUN_STATUSES,
  preflightInputSchema,
  projectIdSchema,
  provideSecretsInputSchema,
  rollbackSetupInputSchema,
  setupRunIdSchema,
  startSetupInputSchema,
} from '@botsmith/shared';
import { TRPCError } from '@trpc/server';
import { toTRPCError } from '../errors';
import { octokitFor } from '../github/github-call';
import { protectedProcedure, router } from '../trpc/init';
import { subscriptionProcedure } from '../trpc/subscription-procedure';
import { sleep } from './github-retry';
import { runPreflight } from './preflight';
import { provideSecrets } from './provide-secrets';
import { rollbackSetup } from './rollback-setup';
import { enqueueSetupRun } from './setup-queue';
import { loadSetupSnapshot, snapshotOf } from './snapshot';
import { createSetupRun, planRun } from './start-setup';

/** How often the progress stream reads the run: the job may run in another process. */
const PROGRESS_POLL_MS = 500;

async function ownRun(db: Db, userId: string, runId: string): Promise<SetupRun> {
  const run = await findSetupRun(db, userId, runId);
  if (!run) throw new TRPCError({ code: 'NOT_FOUND', message: 'No such setup run.' });
  return run;
}

/** Auto-setup on GitHub (SPEC §2 J3): preflight, the durable run, its live progress. */
export const setupRouter = router({
  /** Checks before acting: scopes, name, availability, org rights, plan limits. */
  preflight: protectedProcedure.input(preflightInputSchema).mutation(({ ctx, input }) =>
    runPreflight(ctx, ctx.user.id, input.target).catch((error: unknown) => {
      throw toTRPCError(error);
    }),
  ),

  /** Validates (preflight again, server-side), records the run and enqueues it. */
  start: protectedProcedure.input(startSetupInputSchema).mutation(async ({ ctx, input }) => {
    try {
      const preflight = await runPreflight(ctx, ctx.user.id, input.target);
      if (!preflight.ok) {
        const failed = preflight.checks.filter((check) => check.status === 'fail');
        throw new TRPCError({
          code: 'PRECONDITION_FAILED',
          message: failed.map((check) => check.reason).join(' '),
        });
      }
      const plan = planRun(input.config, input.plan, preflight.plan);
      return await createSetupRun(ctx.db, ctx.queue, {
        userId: ctx.user.id,
        target: input.target,
        config: input.config,
        projectId: input.projectId,
        plan,
        meta: ctx.meta,
      });
    } catch (error) {
      throw toTRPCError(error);
    }
  }),

  get: protectedProcedure.input(setupRunIdSchema).query(async ({ ctx, input }) => {
    const snapshot = await loadSetupSnapshot(ctx.db, ctx.user.id, input.runId);
    if (!snapshot) throw new TRPCError({ code: 'NOT_FOUND', message: 'No such setup run.' });
    return snapshot;
  }),

  latestForProject: protectedProcedure.input(projectIdSchema).query(async ({ ctx, input }) => {
    const run = await findLatestSetupRun(ctx.db, ctx.user.id, input.projectId);
    return run ? snapshotOf(ctx.db, run) : null;
  }),

  /** Streams the snapshot (over SSE) each time it changes, until the run ends. */
  progress: subscriptionProcedure.input(setupRunIdSchema).subscription(async function* ({
    ctx,
    input,
    signal,
  }) {
    await ownRun(ctx.db, ctx.user.id, input.runId);
    let last = '';
    while (!signal?.aborted) {
      const snapshot = await loadSetupSnapshot(ctx.db, ctx.user.id, input.runId);
      if (!snapshot) return;
      const serialized = JSON.stringify(snapshot);
      if (serialized !== last) {
        last = serialized;
        yield snapshot;
      }
      if (FINISHED_SETUP_RUN_STATUSES.includes(snapshot.status)) return;
      await sleep(PROGRESS_POLL_MS, signal).catch(() => {});
    }
  }),

  /** The browser's sealed secrets for the waiting `secrets` step; the run then continues. */
  provideSecrets: protectedProcedure
    .input(provideSecretsInputSchema)
    .mutation(async ({ ctx, input }) => {
      const run = await ownRun(ctx.db, ctx.user.id, input.runId);
      await provideSecrets({ db: ctx.db, queue: ctx.queue }, run, input);
      return loadSetupSnapshot(ctx.db, ctx.user.id, run.id);
    }),

  /** Runs a failed (or dead) setup again from its failed step. */
  retry: protectedProcedure.input(setupRunIdSchema).mutation(async ({ ctx, input }) => {
    const run = await ownRun(ctx.db, ctx.user.id, input.runId);
    if (!['failed', 'dead'].includes(run.status)) {
      throw new TRPCError({ code: 'CONFLICT', message: 'Only a failed setup can be retried.' });
    }
    // All or nothing: the run is queued exactly when its job exists.
    await ctx.db.transaction().execute(async (trx) => {
      if (
        !(await setSetupRunStatus(trx, run.id, 'queued', { from: ['failed', 'dead'], error: null }))
      ) {
        throw new TRPCError({ code: 'CONFLICT', message: 'The setup changed meanwhile; reload.' });
      }
      for (const step of await listSetupSteps(trx, run.id)) {
        if (step.status === 'failed')
          await updateSetupStep(trx, run.id, step.name, {
            status: 'pending',
            error: null,
            message: null,
          });
      }
      await insertActivity(trx, {
        userId: ctx.user.id,
        projectId: run.projectId,
        action: 'setup.retried',
        ...ctx.meta,
        metadata: { runId: run.id },
      });
      if (ctx.queue) await enqueueSetupRun(ctx.queue, run.id, { trx });
    });
    return loadSetupSnapshot(ctx.db, ctx.user.id, run.id);
  }),

  /** Deletes what the setup created: the webhook, and the repo when its name is confirmed. */
  rollback: protectedProcedure.input(rollbackSetupInputSchema).mutation(async ({ ctx, input }) => {
    const run = await ownRun(ctx.db, ctx.user.id, input.runId);
    const octokit = await octokitFor(ctx, ctx.user.id);
    const result = await rollbackSetup({ db: ctx.db, octokit }, run, input, ctx.meta);
    return { ...result, snapshot: await loadSetupSnapshot(ctx.db, ctx.user.id, run.id) };
  }),
});
