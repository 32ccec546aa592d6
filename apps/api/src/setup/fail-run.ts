import { type Db, getSetupRunForWorker, setSetupRunStatus, updateSetupStep } from '@botsmith/db';
import type { FastifyBaseLogger } from 'fastify';
import { auditFor } from '../activities/audit';
import { PermanentGitHubError, TransientGitHubError } from './github-retry';
import { SetupError } from './setup-error';

/**
 * Records why a run stopped. A transient GitHub failure with attempts left puts the run back
 * in `queued` (the step says it retries) and is rethrown, for the job queue to retry with its
 * backoff. Otherwise the step and the run fail — `dead` when transient failures spent every
 * attempt (then rethrown, so the job lands in the dead-letter queue) — with GitHub's or our
 * message; anything unexpected is logged and shown as a generic message.
 *
 * @returns `'failed'` when the failure is permanent.
 */
export async function failRun(
  deps: { db: Db; log: FastifyBaseLogger },
  runId: string,
  step: string | undefined,
  error: unknown,
  options: { isLastAttempt: boolean },
): Promise<'failed'> {
  const { db, log } = deps;
  const transient = error instanceof TransientGitHubError;
  const message = error instanceof Error ? error.message : String(error);
  if (transient && !options.isLastAttempt) {
    if (step)
      await updateSetupStep(db, runId, step, {
        status: 'pending',
        message: `Retrying: ${message}`,
      });
    await setSetupRunStatus(db, runId, 'queued', { error: message, from: ['running'] });
    throw error;
  }
  const known = error instanceof PermanentGitHubError || error instanceof SetupError || transient;
  const shown = known ? message : 'An unexpected error stopped the setup.';
  if (!known) log.error({ err: error, step }, 'setup step failed unexpectedly');
  else log.warn({ step, reason: message }, 'setup step failed');
  if (step)
    await updateSetupStep(db, runId, step, { status: 'failed', error: shown, message: shown });
  await setSetupRunStatus(db, runId, transient ? 'dead' : 'failed', {
    error: shown,
    completed: true,
  });
  const run = await getSetupRunForWorker(db, runId);
  if (run) {
    await auditFor(db, { userId: run.userId })(
      'setup.failed',
      { runId, step: step ?? null },
      { projectId: run.projectId },
    );
  }
  if (transient) throw error;
  return 'failed';
}
