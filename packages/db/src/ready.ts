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
