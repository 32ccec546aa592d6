import {
  findLatestSetupRun,
  findSetupRun,
  listSetupSteps,
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
import { octokitForUser } from '../github/octokit';
import { ledgerOfConfig } from '../projects/project-ledger';
import { sleep } from '../setup/github-retry';
import { runPreflight } from '../setup/preflight';
import { provideSecrets } from '../setup/provide-secrets';
import { rollbackSetup } from '../setup/rollback-setup';
import { enqueueSetupRun } from '../setup/setup-queue';
import { loadSetupSnapshot, snapshotOf } from '../setup/snapshot';
import { createSetupRun, planRun } from '../setup/start-setup';
import { protectedProcedure, router } from '../trpc/init';
import { setupRunProcedure } from '../trpc/resource-procedures';
import { subscriptionProcedure } from '../trpc/subscription-procedure';

/** How often the progress stream reads the run: the job may run in another process. */
const PROGRESS_POLL_MS = 500;

/** Auto-setup on GitHub (SPEC §2 J3): preflight, the durable run, its live progress. */
export const setupRunRouter = router({
  /** Checks before acting: scopes, name, availability, org rights, plan limits. */
  preflight: protectedProcedure
    .meta({ permission: 'setup:run' })
    .input(preflightInputSchema)
    .mutation(({ ctx, input }) => runPreflight(ctx, ctx.user.id, input)),

  /** Validates (preflight again, server-side), records the run and enqueues it. */
  start: protectedProcedure
    .meta({ permission: 'setup:run' })
    .input(startSetupInputSchema)
    .mutation(async ({ ctx, input }) => {
      // Secrets are sealed later (the run asks the browser for each the ledger has), so only
      // the plain values can be checked here; the browser's preflight checked the secrets.
      const secretNames = ledgerOfConfig(input.config)
        .filter((entry) => entry.secret)
        .map((entry) => entry.name);
      const preflight = await runPreflight(ctx, ctx.user.id, {
        target: input.target,
        config: input.config,
        provided: { secrets: secretNames, variables: input.variables },
      });
      if (!preflight.ok) {
        const failed = preflight.checks.filter((check) => check.status === 'fail');
        throw new TRPCError({
          code: 'PRECONDITION_FAILED',
          message: failed.map((check) => check.reason).join(' '),
        });
      }
      const plan = planRun(input.config, input.plan, preflight.plan, input.variables);
      return createSetupRun(ctx.db, ctx.queue, {
        userId: ctx.user.id,
        target: input.target,
        config: input.config,
        projectId: input.projectId,
        plan,
        meta: ctx.meta,
      });
    }),

  get: setupRunProcedure
    .meta({ permission: 'setup:read' })
    .query(({ ctx }) => snapshotOf(ctx.db, ctx.run)),

  latestForProject: protectedProcedure
    .meta({ permission: 'setup:read' })
    .input(projectIdSchema)
    .query(async ({ ctx, input }) => {
      const run = await findLatestSetupRun(ctx.db, ctx.user.id, input.projectId);
      return run ? snapshotOf(ctx.db, run) : null;
    }),

  /** Streams the snapshot (over SSE) each time it changes, until the run ends. */
  progress: subscriptionProcedure
    .meta({ permission: 'setup:read' })
    .input(setupRunIdSchema)
    .subscription(async function* ({ ctx, input, signal }) {
      // Owner-scoped: someone else's run is NOT_FOUND, like a missing one.
      if (!(await findSetupRun(ctx.db, ctx.user.id, input.runId))) {
        throw new TRPCError({ code: 'NOT_FOUND', message: 'No such setup run.' });
      }
      let last = '';
      while (!signal?.aborted) {
        const snapshot = await loadSetupSnapshot(ctx.db, ctx.user.id, input.runId);
        if (!snapshot) return; // the project, and the run with it, was deleted
        const serialized = JSON.stringify(snapshot);
        if (serialized !== last) {
          last = serialized;
          yield snapshot;
        }
        if (FINISHED_SETUP_RUN_STATUSES.includes(snapshot.status)) return;
        await sleep(PROGRESS_POLL_MS, signal).catch(() => {});
      }
    }),

  /** The browser's sealed secrets for the waiting secrets step; the run then continues. */
  provideSecrets: setupRunProcedure
    .meta({ permission: 'setup:run' })
    .input(provideSecretsInputSchema)
    .mutation(async ({ ctx, input }) => {
      await provideSecrets(ctx, ctx.run, input);
      return loadSetupSnapshot(ctx.db, ctx.user.id, ctx.run.id);
    }),

  /** Runs a failed (or dead) setup again from its failed step. */
  retry: setupRunProcedure.meta({ permission: 'setup:run' }).mutation(async ({ ctx }) => {
    const { run } = ctx;
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
      await ctx.audit('setup.retried', { runId: run.id }, { projectId: run.projectId, db: trx });
      if (ctx.queue) await enqueueSetupRun(ctx.queue, run.id, { trx });
    });
    return loadSetupSnapshot(ctx.db, ctx.user.id, run.id);
  }),

  /** Deletes what the setup created: the webhook, and the repo when its name is confirmed. */
  rollback: setupRunProcedure
    .meta({ permission: 'setup:run' })
    .input(rollbackSetupInputSchema)
    .mutation(async ({ ctx, input }) => {
      const octokit = await octokitForUser(ctx, ctx.user.id);
      const result = await rollbackSetup({ db: ctx.db, octokit }, ctx.run, input, ctx.meta);
      return { ...result, snapshot: await loadSetupSnapshot(ctx.db, ctx.user.id, ctx.run.id) };
    }),
});
