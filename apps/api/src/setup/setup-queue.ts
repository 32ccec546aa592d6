import { type Db, listOrphanedSetupRuns, setSetupRunStatus } from '@botsmith/db';
import type { FastifyBaseLogger } from 'fastify';
import { type JobQueue, QUEUES, sendJob } from '../jobs/job-queue';

/** The job a setup run is executed by. */
export interface SetupJob {
  runId: string;
}

/** Hands a run to the workers; with `trx`, as part of the transaction that queued it. */
export async function enqueueSetupRun(
  queue: JobQueue,
  runId: string,
  options: { trx?: Db } = {},
): Promise<void> {
  await sendJob(queue, QUEUES.setup, { runId } satisfies SetupJob, options);
}

/** A queued run nobody picked up for this long lost its job (a crash between insert and send). */
const STALE_QUEUED_MS = 2 * 60_000;

/**
 * Re-enqueues runs whose worker died: pg-boss keeps a dead worker's job `active` until it
 * expires (minutes), so the run's own lease decides instead. Each orphan goes back to
 * `queued` first, so the next sweep does not enqueue it twice.
 */
export async function sweepOrphanedSetupRuns(
  db: Db,
  queue: JobQueue,
  log: FastifyBaseLogger,
): Promise<number> {
  const orphans = await listOrphanedSetupRuns(db, STALE_QUEUED_MS);
  let resumed = 0;
  for (const runId of orphans) {
    if (!(await setSetupRunStatus(db, runId, 'queued', { from: ['running', 'queued'] }))) continue;
    await enqueueSetupRun(queue, runId);
    log.info({ runId }, 'resuming a setup run whose worker stopped');
    resumed += 1;
  }
  return resumed;
}
