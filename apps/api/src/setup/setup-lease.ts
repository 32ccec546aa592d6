import { randomUUID } from 'node:crypto';
import { acquireSetupLease, type Db, releaseSetupLease, renewSetupLease } from '@botsmith/db';
import type { FastifyBaseLogger } from 'fastify';

/** A worker's hold on a run while it executes it. */
export interface SetupLease {
  /** Aborts when the lease was lost (a long stall let another worker take the run). */
  signal: AbortSignal;
  /** Stops the heartbeat and gives the lease up (the run finished, paused or failed). */
  release(): Promise<void>;
}

/**
 * Takes the run's lease under a fresh owner id, or `null` when another worker holds a live
 * one, so no two workers ever run a setup at once. A heartbeat renews it every third of
 * `ttlMs`; losing it aborts `signal`, which stops the steps and their GitHub calls.
 */
export async function takeSetupLease(
  deps: { db: Db; log: FastifyBaseLogger },
  runId: string,
  ttlMs: number,
): Promise<SetupLease | null> {
  const { db, log } = deps;
  const owner = randomUUID();
  if (!(await acquireSetupLease(db, runId, owner, ttlMs))) return null;
  const abort = new AbortController();
  const heartbeat = setInterval(
    () => {
      renewSetupLease(db, runId, owner, ttlMs).then(
        (held) => {
          if (!held) abort.abort(new Error('lost the setup lease'));
        },
        (error: unknown) => log.warn({ err: error }, 'could not renew the setup lease'),
      );
    },
    Math.max(250, Math.floor(ttlMs / 3)),
  );
  return {
    signal: abort.signal,
    async release() {
      clearInterval(heartbeat);
      await releaseSetupLease(db, runId, owner).catch(() => {});
    },
  };
}
