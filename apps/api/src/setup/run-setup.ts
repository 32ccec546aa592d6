import { randomUUID } from 'node:crypto';
import {
  acquireSetupLease,
  type Db,
  findProject,
  getSetupRunForWorker,
  insertActivity,
  listSetupSteps,
  releaseSetupLease,
  renewSetupLease,
  type SetupStep as SetupStepRow,
  setProjectStatus,
  setSetupRunStatus,
  updateSetupStep,
} from '@botsmith/db';
import { type GeneratedFile, generate } from '@botsmith/generators';
import { type SetupStepName, upgradableBuildConfigSchema } from '@botsmith/shared';
import { NO_REQUEST_META } from '../activities/request-meta';
import { readGitHubToken } from '../github/github-token-store';
import { createOctokit } from '../github/octokit';
import type { Services } from '../services';
import {
  PermanentGitHubError,
  retryingMessage,
  TransientGitHubError,
  withGitHubRetry,
} from './github-retry';
import { runPlanOf } from './run-plan';
import type { SetupStep, SetupTimings, StepContext } from './step-types';
import { branchProtectionStep } from './steps/branch-protection';
import { commitFilesStep } from './steps/commit-files';
import { createRepoStep } from './steps/create-repo';
import { firstRunStep } from './steps/first-run';
import { secretsStep } from './steps/secrets';
import { webhookStep } from './steps/webhook';

const STEPS: Record<SetupStepName, SetupStep> = {
  create_repo: createRepoStep,
  commit_files: commitFilesStep,
  secrets: secretsStep,
  webhook: webhookStep,
  branch_protection: branchProtectionStep,
  first_run: firstRunStep,
};

export type RunSetupDeps = Pick<Services, 'db' | 'cipher' | 'github' | 'publicUrl' | 'log'> & {
  timings: SetupTimings;
};

/** How a job ended: done, paused, failed for good, or busy elsewhere (another worker holds it). */
export type RunOutcome = 'succeeded' | 'waiting' | 'failed' | 'busy' | 'not_runnable';

/** A permanent failure that is not GitHub's (no token, an invalid stored config). */
class SetupError extends Error {
  override readonly name = 'SetupError';
}

/**
 * Executes a run from its first unfinished step, under a lease so no two workers ever run it
 * at once. Steps checkpoint into `setup_steps.output`; a rerun after a crash continues from
 * there. Transient GitHub failures are thrown (`TransientGitHubError`) for the job queue to
 * retry; `isLastAttempt` turns them into the `dead` state instead.
 */
export async function runSetup(
  deps: RunSetupDeps,
  runId: string,
  options: { isLastAttempt: boolean },
): Promise<RunOutcome> {
  const { db, timings } = deps;
  const owner = randomUUID();
  const initial = await getSetupRunForWorker(db, runId);
  if (!initial || !['queued', 'running'].includes(initial.status)) return 'not_runnable';
  if (!(await acquireSetupLease(db, runId, owner, timings.leaseTtlMs))) return 'busy';
  const log = deps.log.child({ setupRunId: runId });

  // The heartbeat keeps the lease; losing it (a long stall) aborts the steps.
  const abort = new AbortController();
  const heartbeat = setInterval(
    () => {
      renewSetupLease(db, runId, owner, timings.leaseTtlMs).then(
        (held) => {
          if (!held) abort.abort(new Error('lost the setup lease'));
        },
        (error: unknown) => log.warn({ err: error }, 'could not renew the setup lease'),
      );
    },
    Math.max(250, Math.floor(timings.leaseTtlMs / 3)),
  );

  let current: SetupStepRow | undefined;
  try {
    const run = await getSetupRunForWorker(db, runId);
    if (!run) return 'not_runnable';
    const project = await findProject(db, run.userId, run.projectId);
    if (!project) throw new SetupError('The project no longer exists.');
    const token = await readGitHubToken(db, deps.cipher, run.userId).catch(() => undefined);
    if (!token)
      throw new SetupError(
        'Botsmith has no usable GitHub token for you: sign in again, then retry.',
      );
    // Aborting the run (a lost lease) also aborts its GitHub request in flight.
    const octokit = createOctokit(deps.github, token.accessToken, { signal: abort.signal });
    const plan = runPlanOf(run);
    let files: GeneratedFile[] | undefined;
    // The row's configSchemaVersion is the version the config was stored with: an older one is
    // upgraded (Node 20 becomes 22) before it is validated and generated from.
    const config = upgradableBuildConfigSchema.safeParse({
      ...project.config,
      schemaVersion: project.configSchemaVersion,
    });
    const steps = await listSetupSteps(db, runId);
    const outputs: StepContext['outputs'] = {};

    for (const row of steps) {
      const name = row.name as SetupStepName;
      if (row.status === 'succeeded' || row.status === 'skipped') {
        outputs[name] = row.output;
        continue;
      }
      if (row.status === 'waiting') {
        await pause(db, runId);
        return 'waiting';
      }
      current = row;
      const output: Record<string, unknown> = { ...row.output };
      await updateSetupStep(db, runId, name, {
        status: 'running',
        attempts: row.attempts + 1,
        startedAt: row.startedAt ?? new Date(),
        error: null,
        message: null,
      });
      log.info({ step: name, attempt: row.attempts + 1 }, 'setup step starts');
      const ctx: StepContext = {
        db,
        run,
        plan,
        project: (await findProject(db, run.userId, run.projectId)) ?? project,
        octokit,
        cipher: deps.cipher,
        publicUrl: deps.publicUrl,
        timings,
        signal: abort.signal,
        log: log.child({ step: name }),
        files: () => {
          if (!config.success) throw new SetupError('The stored configuration is no longer valid.');
          files ??= generate(config.data).files;
          return files;
        },
        output,
        outputs,
        async checkpoint(partial) {
          Object.assign(output, partial);
          await updateSetupStep(db, runId, name, { output });
        },
        github: async (call) => {
          let retried = false;
          const result = await withGitHubRetry(call, {
            tries: timings.tries,
            baseDelayMs: timings.retryBaseDelayMs,
            maxDelayMs: timings.maxRetryDelayMs,
            signal: abort.signal,
            onRetry: async (failure, attempt, delayMs) => {
              retried = true;
              log.warn(
                { step: name, status: failure.status, attempt, delayMs },
                'GitHub failed transiently; retrying',
              );
              // The browser sees why the step stalls (setup.get / setup.progress).
              await updateSetupStep(db, runId, name, {
                message: retryingMessage(failure, delayMs),
              });
            },
          });
          if (retried) await updateSetupStep(db, runId, name, { message: null });
          return result;
        },
      };
      const result = await STEPS[name].run(ctx);
      const finalOutput = { ...output, ...result.output };
      outputs[name] = finalOutput;
      if (result.status === 'waiting') {
        await updateSetupStep(db, runId, name, {
          status: 'waiting',
          message: result.message,
          output: finalOutput,
        });
        await pause(db, runId);
        return 'waiting';
      }
      await updateSetupStep(db, runId, name, {
        status: 'succeeded',
        message: result.message,
        output: finalOutput,
        completedAt: new Date(),
      });
      log.info({ step: name }, 'setup step succeeded');
      current = undefined;
    }

    await setSetupRunStatus(db, runId, 'succeeded', { error: null, completed: true });
    await setProjectStatus(db, run.userId, run.projectId, 'active');
    await insertActivity(db, {
      userId: run.userId,
      projectId: run.projectId,
      action: 'setup.succeeded',
      ...NO_REQUEST_META,
      metadata: { runId },
    });
    return 'succeeded';
  } catch (error) {
    if (abort.signal.aborted) {
      // Another worker holds the run now: it owns the run's state, so write nothing.
      log.warn({ step: current?.name }, 'setup lease lost; leaving the run to its new worker');
      return 'busy';
    }
    const run = await getSetupRunForWorker(db, runId);
    const transient = error instanceof TransientGitHubError;
    const message = error instanceof Error ? error.message : String(error);
    if (transient && !options.isLastAttempt) {
      // The queue retries the job with backoff; the step shows why it is waiting.
      if (current)
        await updateSetupStep(db, runId, current.name, {
          status: 'pending',
          message: `Retrying: ${message}`,
        });
      await setSetupRunStatus(db, runId, 'queued', { error: message, from: ['running'] });
      throw error;
    }
    const known =
      error instanceof PermanentGitHubError ||
      error instanceof SetupError ||
      error instanceof TransientGitHubError;
    const shown = known ? message : 'An unexpected error stopped the setup.';
    if (!known) log.error({ err: error }, 'setup step failed unexpectedly');
    else log.warn({ step: current?.name, reason: message }, 'setup step failed');
    if (current)
      await updateSetupStep(db, runId, current.name, {
        status: 'failed',
        error: shown,
        message: shown,
      });
    await setSetupRunStatus(db, runId, transient ? 'dead' : 'failed', {
      error: shown,
      completed: true,
    });
    if (run) {
      await insertActivity(db, {
        userId: run.userId,
        projectId: run.projectId,
        action: 'setup.failed',
        ...NO_REQUEST_META,
        metadata: { runId, step: current?.name ?? null },
      });
    }
    if (transient) throw error;
    return 'failed';
  } finally {
    clearInterval(heartbeat);
    await releaseSetupLease(db, runId, owner).catch(() => {});
  }
}

/** The run waits for the browser; the lease is released in `finally`. */
async function pause(db: Db, runId: string): Promise<void> {
  await setSetupRunStatus(db, runId, 'waiting', { from: ['running'] });
}
