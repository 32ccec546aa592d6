import { type Kysely, sql } from 'kysely';
import type { Database } from './database';
import { pendingMigrations } from './migrate';

/** Why the database cannot serve requests yet. */
export type NotReadyReason = 'database_unreachable' | 'migrations_pending';

/** The outcome of `checkReady`; `detail` is for logs, not for HTTP responses. */
export type Readiness =
  | { ready: true }
  | { ready: false; reason: NotReadyReason; detail: string; pending?: string[] };

/**
 * Whether the database answers and every migration is applied (GET /ready). Never throws.
 *
 * @example
 * const readiness = await checkReady(db);
 * reply.code(readiness.ready ? 200 : 503);
 */
export async function checkReady(db: Kysely<Database>): Promise<Readiness> {
  try {
    await sql`select 1`.execute(db);
  } catch (error) {
    return { ready: false, reason: 'database_unreachable', detail: describe(error) };
  }
  try {
    const pending = await pendingMigrations(db);
    if (pending.length > 0) {
      return {
        ready: false,
        reason: 'migrations_pending',
        detail: `pending migrations: ${pending.join(', ')}`,
        pending,
      };
    }
    return { ready: true };
  } catch (error) {
    return { ready: false, reason: 'database_unreachable', detail: describe(error) };
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** How `waitForDatabase` paces itself, and what it reports. */
export interface WaitForDatabaseOptions {
  /** Give up after this long (the last error is thrown). */
  timeoutMs: number;
  /** First pause between attempts; doubled up to `maxDelayMs`. */
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** Called after each failed attempt, before the pause. */
  onRetry?: (failure: { attempt: number; error: unknown; delayMs: number }) => void;
  signal?: AbortSignal;
}

/**
 * Resolves once the database answers `select 1`, retrying with backoff for up to
 * `timeoutMs`: a process started next to its database (compose, a failover) waits for it
 * instead of exiting.
 *
 * @throws the last connection error once `timeoutMs` has passed.
 * @example await waitForDatabase(db, { timeoutMs: 60_000, onRetry: ({ attempt }) => log.warn({ attempt }, 'waiting') });
 */
export async function waitForDatabase(
  db: Kysely<Database>,
  options: WaitForDatabaseOptions,
): Promise<{ attempts: number }> {
  const deadline = Date.now() + options.timeoutMs;
  let delayMs = options.initialDelayMs ?? 250;
  for (let attempt = 1; ; attempt += 1) {
    try {
      await sql`select 1`.execute(db);
      return { attempts: attempt };
    } catch (error) {
      const left = deadline - Date.now();
      if (left <= 0 || options.signal?.aborted) throw error;
      const pause = Math.min(delayMs, left);
      options.onRetry?.({ attempt, error, delayMs: pause });
      await new Promise((resolve) => setTimeout(resolve, pause));
      delayMs = Math.min(delayMs * 2, options.maxDelayMs ?? 5_000);
    }
  }
}
