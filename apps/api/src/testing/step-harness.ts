import { type Db, listSetupSteps, setSetupRunStatus, updateSetupStep } from '@botsmith/db';
import { sealForPublicKey } from '@botsmith/github-emulator';
import { type BuildConfig, buildConfigSchema, type SetupStepId } from '@botsmith/shared';
import { type PreparedRun, prepareRun } from '../setup/prepare-run';
import { runOneStep, stepContext } from '../setup/run-one-step';
import type { StepResult } from '../setup-steps/setup-step';
import { SETUP_STEPS, type SetupStepOutput } from '../setup-steps/setup-steps';
import type { HarnessCaller, SetupHarness } from './setup-harness';

/** A run brought up to one step: the steps before it ran for real, the step itself not yet. */
export interface StepUnderTest<Id extends SetupStepId> {
  runId: string;
  projectId: string;
  owner: string;
  name: string;
  /**
   * Runs the step as a restarted worker would: with a fresh context read from the database
   * (its saved state and checkpoints as the last attempt left them), without recording how it
   * ended — as if the process died right after the step's side effects.
   */
  run(): Promise<StepResult<SetupStepOutput<Id>>>;
  /** Seals a value per planned secret for the environment's key and hands them to the step. */
  handOverSecrets(): Promise<Map<string, string>>;
  /** GitHub calls since the step was reached whose method and path (an anchored regex) match. */
  calls(method: string, path: string): { status: number }[];
}

/** The default bot: one secret to store (`DISCORD_TOKEN`), CI runs on push and on PRs. */
const DEFAULT_CONFIG = buildConfigSchema.parse({ project: { name: 'step-bot' } });

/**
 * Answers the secrets step's pause as the browser does. The step and the run are marked
 * waiting first, as the step runner leaves them when the step asks (a no-op when it did).
 */
async function handOver(
  db: Db,
  caller: HarnessCaller,
  runId: string,
): Promise<Map<string, string>> {
  await updateSetupStep(db, runId, 'github:secrets:store', { status: 'waiting' });
  await setSetupRunStatus(db, runId, 'waiting', { from: ['queued', 'running'] });
  const { secrets } = await caller.setupRun.get({ runId });
  if (!secrets) throw new Error('the run waits without a key');
  const values = new Map(secrets.names.map((name) => [name, `value-of-${name}`]));
  await caller.setupRun.provideSecrets({
    runId,
    keyId: secrets.keyId,
    secrets: [...values].map(([name, value]) => ({
      name,
      encryptedValue: sealForPublicKey(secrets.key, value),
    })),
  });
  return values;
}

/**
 * Starts a setup of `name` for the signed-in `caller` (octocat) and runs every step before
 * `id` with the real step runner (handing over sealed secrets when asked), so that `id` can
 * be run by hand — twice, in the idempotency tests.
 *
 * @example const step = await reachStep(h, t.db, caller, 'github:webhook:create', 'hook-bot');
 */
export async function reachStep<Id extends SetupStepId>(
  h: SetupHarness,
  db: Db,
  caller: HarnessCaller,
  id: Id,
  name: string,
  options: {
    config?: BuildConfig;
    branchProtection?: boolean;
    visibility?: 'public' | 'private';
    /** Plain values typed in step 7. */
    variables?: Record<string, string>;
  } = {},
): Promise<StepUnderTest<Id>> {
  const { runId, projectId } = await caller.setupRun.start({
    target: { owner: 'octocat', name, visibility: options.visibility ?? 'public' },
    config: options.config ?? DEFAULT_CONFIG,
    plan: { branchProtection: options.branchProtection ?? true },
    variables: options.variables,
  });
  const prepared = (await prepareRun(
    h.runDeps,
    runId,
    new AbortController().signal,
  )) as PreparedRun;
  const stepRow = async (wanted: string) => {
    const row = (await listSetupSteps(db, runId)).find((candidate) => candidate.name === wanted);
    if (!row) throw new Error(`the run has no step ${wanted}`);
    return row;
  };
  for (const row of await listSetupSteps(db, runId)) {
    if (row.name === id) break;
    if (row.status === 'skipped') continue;
    if ((await runOneStep(prepared, row)) === 'waiting') {
      await handOver(db, caller, runId);
      await runOneStep(prepared, await stepRow(row.name));
    }
  }
  const logStart = h.github.store.state.requestLog.length;
  return {
    runId,
    projectId,
    owner: 'octocat',
    name,
    run: async () => {
      const result = await SETUP_STEPS[id].run(await stepContext(prepared, await stepRow(id)));
      return result as StepResult<SetupStepOutput<Id>>;
    },
    handOverSecrets: () => handOver(db, caller, runId),
    calls: (method, path) =>
      h.github.store.state.requestLog
        .slice(logStart)
        .filter((call) => call.method === method && new RegExp(`^${path}$`).test(call.path)),
  };
}
