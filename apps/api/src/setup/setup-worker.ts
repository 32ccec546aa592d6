import { z } from 'zod';
import { QUEUES } from '../jobs/job-queue';
import type { StartWorker, WorkerServices } from '../services';
import { runSetup } from './run-setup';
import { sweepOrphanedSetupRuns } from './setup-queue';
import { DEFAULT_SETUP_TIMINGS, type SetupTimings } from './setup-timings';

const jobSchema = z.object({ runId: z.uuid() });

/** Setups waiting on the first workflow run take minutes: several run side by side. */
const WORKERS_PER_PROCESS = 3;

/**
 * The setup worker: executes runs from `QUEUES.setup` and sweeps for runs whose worker died,
 * at start and then every `sweepIntervalMs`, so a restarted process resumes within seconds.
 */
export function createSetupWorker(timings: SetupTimings = DEFAULT_SETUP_TIMINGS): StartWorker {
  return async (deps: WorkerServices) => {
    const log = deps.log.child({ worker: 'setup' });
    const runDeps = { ...deps, log, timings };
    for (let i = 0; i < WORKERS_PER_PROCESS; i += 1) {
      await deps.queue.boss.work(
        QUEUES.setup,
        { includeMetadata: true, pollingIntervalSeconds: deps.queue.pollingIntervalSeconds },
        async ([job]) => {
          if (!job) return;
          const parsed = jobSchema.safeParse(job.data);
          if (!parsed.success) {
            log.error({ jobId: job.id }, 'malformed setup job dropped');
            return;
          }
          await runSetup(runDeps, parsed.data.runId, {
            isLastAttempt: job.retryCount >= job.retryLimit,
          });
        },
      );
    }
    let sweeping = false;
    const sweep = async () => {
      if (sweeping) return;
      sweeping = true;
      try {
        await sweepOrphanedSetupRuns(deps.db, deps.queue, log);
      } catch (error) {
        log.warn({ err: error }, 'setup sweep failed');
      } finally {
        sweeping = false;
      }
    };
    await sweep();
    const timer = setInterval(sweep, timings.sweepIntervalMs);
    timer.unref();
    deps.queue.boss.on('stopped', () => clearInterval(timer));
  };
}
