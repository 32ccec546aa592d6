import type { ActivityAction } from '@botsmith/shared';
import type { ColumnType, Generated, Insertable, JSONColumnType, Selectable } from 'kysely';

/** An audit-log entry: who did what, when, from where. Rows are never updated. */
export interface ActivitiesTable {
  id: Generated<string>;
  /** The actor; `null` once the account is deleted. */
  userId: string | null;
  /** The project the entry is about, if any; `null` once the project is deleted. */
  projectId: ColumnType<string | null, string | null | undefined, never>;
  action: ActivityAction;
  ip: string | null;
  userAgent: string | null;
  /** Small, non-secret details (a token's name, how the actor authenticated). */
  metadata: JSONColumnType<Record<string, unknown>, string | undefined, never>;
  createdAt: ColumnType<Date, Date | undefined, never>;
}

export type Activity = Selectable<ActivitiesTable>;
export type NewActivity = Insertable<ActivitiesTable>;
