import {
  type Db,
  getSetupRunForWorker,
  listSetupSteps,
  setProjectStatus,
  setSetupRunStatus,
} from '@botsmith/db';
import { auditFor } from '../activities/audit';
import { failRun } from './fail-run';
import { type PreparedRun, prepareRun, type RunSetupDeps } from './prepare-run';
import { runOneStep } from './run-one-step';
import { takeSetupLease } from './setup-lease';

/** How a job ended: done, paused, failed for good, or busy elsewhere (another worker holds it). */
export type RunOutcome = 'succeeded' | 'waiting' | 'failed' | 'busy' | 'not_runnable';

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
  const { db } = deps;
  const initial = await getSetupRunForWorker(db, runId);
  if (!initial || !['queued', 'running'].includes(initial.status)) return 'not_runnable';
  const lease = await takeSetupLease(deps, runId, deps.timings.leaseTtlMs);
  if (!lease) return 'busy';
  const log = deps.log.child({ runId });
  let current: string | undefined;
  try {
    const prepared = await prepareRun(deps, runId, lease.signal);
    if (!prepared) return 'not_runnable';
    for (const row of await listSetupSteps(db, runId)) {
      if (row.status === 'succeeded' || row.status === 'skipped') continue;
      if (row.status !== 'waiting') {
        current = row.name;
        if ((await runOneStep(prepared, row)) === 'succeeded') {
          current = undefined;
          continue;
        }
      }
      await pause(db, runId);
      return 'waiting';
    }
    await succeed(prepared);
    return 'succeeded';
  } catch (error) {
    if (lease.signal.aborted) {
      // Another worker holds the run now: it owns the run's state, so write nothing.
      log.warn({ step: current }, 'setup lease lost; leaving the run to its new worker');
      return 'busy';
    }
    return await failRun({ db, log }, runId, current, error, options);
  } finally {
    await lease.release();
  }
}

/** The run waits for the browser; the lease is released by the caller. */
async function pause(db: Db, runId: string): Promise<void> {
  await setSetupRunStatus(db, runId, 'waiting', { from: ['running'] });
}

async function succeed({ deps: { db }, run }: PreparedRun): Promise<void> {
  await setSetupRunStatus(db, run.id, 'succeeded', { error: null, completed: true });
  await setProjectStatus(db, run.userId, run.projectId, 'active');
  await auditFor(db, { userId: run.userId })(
    'setup.succeeded',
    { runId: run.id },
    { projectId: run.projectId },
  );
}
