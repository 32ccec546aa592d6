import { type Kysely, sql } from 'kysely';
import type { Database } from '../database';

/** A counter after one more hit. */
export interface RateLimitHit {
  count: number;
  resetAt: Date;
}

/**
 * Counts `hits` (default 1) for `key` in a fixed window of `windowMs`, atomically (one upsert,
 * so app instances sharing the database share the count). A window that has ended starts
 * again at `hits`.
 *
 * @example
 * const { count, resetAt } = await hitRateLimit(db, 'auth:ip:203.0.113.9', 60_000, new Date());
 * if (count > 10) reply.header('retry-after', ...).code(429);
 */
export async function hitRateLimit(
  db: Kysely<Database>,
  key: string,
  windowMs: number,
  now: Date,
  hits = 1,
): Promise<RateLimitHit> {
  const resetAt = new Date(now.getTime() + windowMs);
  // Raw SQL bypasses the CamelCasePlugin, so it spells snake_case names itself; `excluded`
  // is the row we tried to insert, which carries `hits` as its count.
  const expired = sql<boolean>`rate_limits.reset_at <= ${now}`;
  return db
    .insertInto('rateLimits')
    .values({ key, count: hits, resetAt })
    .onConflict((conflict) =>
      conflict.column('key').doUpdateSet({
        count: sql<number>`case when ${expired} then excluded.count else rate_limits.count + excluded.count end`,
        resetAt: sql<Date>`case when ${expired} then excluded.reset_at else rate_limits.reset_at end`,
      }),
    )
    .returning(['count', 'resetAt'])
    .executeTakeFirstOrThrow();
}

/** Deletes counters whose window has ended; returns how many. */
export async function deleteExpiredRateLimits(db: Kysely<Database>, now: Date): Promise<number> {
  const result = await db.deleteFrom('rateLimits').where('resetAt', '<=', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}
