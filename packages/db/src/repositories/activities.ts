import type { ActivityAction } from '@botsmith/shared';
import type { Kysely } from 'kysely';
import type { Database } from '../database';
import type { Activity } from '../tables/activities';
import { afterCursor, toPage } from './keyset';

/** One audit-log entry to record. */
export interface ActivityInput {
  userId: string;
  action: ActivityAction;
  ip: string | null;
  userAgent: string | null;
  metadata?: Record<string, unknown>;
  /** The project the entry is about, if any. */
  projectId?: string | null;
}

/** Longest user agent we keep: the header is attacker-controlled and unbounded. */
const MAX_USER_AGENT_LENGTH = 512;

/** Appends an entry to the audit log. */
export async function insertActivity(db: Kysely<Database>, input: ActivityInput): Promise<void> {
  await db
    .insertInto('activities')
    .values({
      userId: input.userId,
      projectId: input.projectId ?? null,
      action: input.action,
      ip: input.ip,
      userAgent: input.userAgent?.slice(0, MAX_USER_AGENT_LENGTH) ?? null,
      metadata: JSON.stringify(input.metadata ?? {}),
    })
    .execute();
}

/** The user's most recent activities, newest first. */
export async function listActivities(
  db: Kysely<Database>,
  userId: string,
  options: { limit: number },
): Promise<Activity[]> {
  return (await listActivitiesPage(db, userId, options)).items;
}

/**
 * A page of the user's activities, newest first, optionally about one project; the cursor
 * is the previous page's last id.
 */
export async function listActivitiesPage(
  db: Kysely<Database>,
  userId: string,
  options: { limit: number; cursor?: string | null; projectId?: string | undefined },
): Promise<{ items: Activity[]; nextCursor: string | null }> {
  let query = db.selectFrom('activities').selectAll().where('userId', '=', userId);
  if (options.projectId) query = query.where('projectId', '=', options.projectId);
  if (options.cursor) query = query.where(afterCursor('activities', options.cursor, userId));
  const rows = await query
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .limit(options.limit + 1)
    .execute();
  return toPage(rows, options.limit);
}
