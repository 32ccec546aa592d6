import {
  findProject,
  listSetupSteps,
  type SetupStep as SetupStepRow,
  updateSetupStep,
} from '@botsmith/db';
import { SETUP_STEP_TITLES, type SetupStepId } from '@botsmith/shared';
import type { SetupStep, StepContext, StepRepo } from '../setup-steps/setup-step';
import { parseStepOutput, setupStepOf } from '../setup-steps/setup-steps';
import { retryingMessage } from './github-retry';
import type { PreparedRun } from './prepare-run';
import { SetupError } from './setup-error';
import { setupOctokit } from './setup-octokit';

/**
 * Where keyed checkpoints live in a step's saved state: a list of `{ key, value }`, not an
 * object keyed by them, because the database's `CamelCasePlugin` rewrites the keys of JSON
 * objects it reads (`secret:DISCORD_TOKEN` would come back as `secret:DISCORDTOKEN`).
 */
const CHECKPOINTS = 'checkpoints';

function checkpointsOf(saved: Record<string, unknown>): { key: string; value: unknown }[] {
  const stored = saved[CHECKPOINTS];
  return Array.isArray(stored) ? stored : [];
}

/** The step a row names. */
function stepFor(row: Pick<SetupStepRow, 'name'>): SetupStep<SetupStepId> {
  const step = setupStepOf(row.name);
  if (!step) throw new SetupError(`This setup has a step Botsmith does not know (${row.name}).`);
  return step;
}

/**
 * The context step `row` runs with, from the database as it is now: the outputs of the steps
 * before it, its own saved state and checkpoints, a GitHub client that retries under the
 * step's name, a logger tagged with the run and the step.
 */
export async function stepContext(prepared: PreparedRun, row: SetupStepRow): Promise<StepContext> {
  const { deps, run } = prepared;
  const { db } = deps;
  const id = stepFor(row).id;
  const rows = await listSetupSteps(db, run.id);
  const outputOf = <I extends SetupStepId>(wanted: I) => {
    const done = rows.find((other) => other.name === wanted && other.status === 'succeeded');
    const output = done && parseStepOutput(wanted, done.output);
    if (!output) throw new SetupError(`“${SETUP_STEP_TITLES[wanted]}” has not completed.`);
    return output;
  };
  const created = rows.find((other) => other.name === 'github:repo:create');
  const createdRepo =
    created?.status === 'succeeded'
      ? parseStepOutput('github:repo:create', created.output)
      : undefined;
  const [owner = run.repoOwner, name = run.repoName] = createdRepo?.fullName.split('/') ?? [];
  const repo: StepRepo = { owner, name, defaultBranch: createdRepo?.defaultBranch ?? 'main' };

  const current = rows.find((other) => other.name === id);
  const saved: Record<string, unknown> = { ...current?.output };
  const save = async (fields: Record<string, unknown>) => {
    Object.assign(saved, fields);
    await updateSetupStep(db, run.id, id, { output: saved });
  };
  const log = prepared.log.child({ step: id });
  const github = await setupOctokit(deps, run.userId, {
    tries: deps.timings.tries,
    baseDelayMs: deps.timings.retryBaseDelayMs,
    maxDelayMs: deps.timings.maxRetryDelayMs,
    signal: prepared.signal,
    onRetry: async (failure, attempt, delayMs) => {
      log.warn({ status: failure.status, attempt, delayMs }, 'GitHub failed transiently; retrying');
      // The browser sees why the step stalls (setupRun.get / setupRun.progress).
      await updateSetupStep(db, run.id, id, { message: retryingMessage(failure, delayMs) });
    },
    onRecovered: () => updateSetupStep(db, run.id, id, { message: null }),
  });

  return {
    db,
    cipher: deps.cipher,
    publicUrl: deps.publicUrl,
    timings: deps.timings,
    run,
    project: (await findProject(db, run.userId, run.projectId)) ?? prepared.project,
    plan: prepared.plan,
    repo,
    files: prepared.files,
    addLockfile: deps.addLockfile,
    outputOf,
    saved,
    save,
    async checkpoint<T>(key: string, fn: () => Promise<T>): Promise<T> {
      const checkpoints = checkpointsOf(saved);
      const found = checkpoints.find((checkpoint) => checkpoint.key === key);
      if (found) return found.value as T;
      const value = await fn();
      await save({ [CHECKPOINTS]: [...checkpoints, { key, value }] });
      return value;
    },
    github,
    log,
    signal: prepared.signal,
  };
}

/**
 * Runs one step: marks it running (one more attempt), runs it, and records how it ended —
 * `succeeded` with its output parsed by its schema (which drops its saved state, sealed
 * secrets and checkpoints included), or `waiting` for the browser. A thrown error is the
 * caller's to record (`failRun`).
 */
export async function runOneStep(
  prepared: PreparedRun,
  row: SetupStepRow,
): Promise<'succeeded' | 'waiting'> {
  const { db } = prepared.deps;
  const runId = prepared.run.id;
  const step = stepFor(row);
  await updateSetupStep(db, runId, step.id, {
    status: 'running',
    attempts: row.attempts + 1,
    startedAt: row.startedAt ?? new Date(),
    error: null,
    message: null,
  });
  const log = prepared.log.child({ step: step.id });
  log.info({ attempt: row.attempts + 1 }, 'setup step starts');
  const result = await step.run(await stepContext(prepared, row));
  if (result.status === 'waiting') {
    await updateSetupStep(db, runId, step.id, { status: 'waiting', message: result.message });
    log.info('setup step waits for the browser');
    return 'waiting';
  }
  await updateSetupStep(db, runId, step.id, {
    status: 'succeeded',
    message: result.message,
    output: step.output.parse(result.output) as Record<string, unknown>,
    completedAt: new Date(),
  });
  log.info('setup step succeeded');
  return 'succeeded';
}
