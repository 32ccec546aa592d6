import type { Kysely } from 'kysely';
import type { Database } from '../database';
import type { Activity, ActivityAction } from '../tables/activities';

/** One audit-log entry to record. */
export interface ActivityInput {
  userId: string;
  action: ActivityAction;
  ip: string | null;
  userAgent: string | null;
  metadata?: Record<string, unknown>;
}

/** Longest user agent we keep: the header is attacker-controlled and unbounded. */
const MAX_USER_AGENT_LENGTH = 512;

/** Appends an entry to the audit log. */
export async function insertActivity(db: Kysely<Database>, input: ActivityInput): Promise<void> {
  await db
    .insertInto('activities')
    .values({
      userId: input.userId,
      action: input.action,
      ip: input.ip,
      userAgent: input.userAgent?.slice(0, MAX_USER_AGENT_LENGTH) ?? null,
      metadata: JSON.stringify(input.metadata ?? {}),
    })
    .execute();
}

/** The user's most recent activities, newest first. */
export function listActivities(
  db: Kysely<Database>,
  userId: string,
  options: { limit: number },
): Promise<Activity[]> {
  return db
    .selectFrom('activities')
    .selectAll()
    .where('userId', '=', userId)
    .orderBy('createdAt', 'desc')
    .orderBy('id')
    .limit(options.limit)
    .execute();
}
