import { type Db, deleteExpiredRateLimits, deleteExpiredSessions } from '@botsmith/db';
import type { FastifyBaseLogger } from 'fastify';

/** How often expired sessions and rate-limit windows are deleted. */
export const SWEEP_INTERVAL_MS = 10 * 60 * 1000;

/**
 * Deletes expired sessions and ended rate-limit windows every
 * `SWEEP_INTERVAL_MS`; returns a function that stops it. Validation already refuses expired
 * rows, so this only keeps the tables small; every instance may run it (deletes are idempotent).
 */
export function startExpirySweep(
  db: Db,
  log: FastifyBaseLogger,
  intervalMs = SWEEP_INTERVAL_MS,
): () => void {
  // A slow database must not stack sweeps on top of each other.
  let busy = false;
  const sweep = async () => {
    if (busy) return;
    busy = true;
    try {
      const now = new Date();
      const sessions = await deleteExpiredSessions(db, now);
      const windows = await deleteExpiredRateLimits(db, now);
      if (sessions > 0) log.info({ sessions, windows }, 'deleted expired sessions');
    } catch (err) {
      log.warn({ err }, 'expiry sweep failed; retrying at the next interval');
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(sweep, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
