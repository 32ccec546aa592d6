import { type RawBuilder, sql } from 'kysely';

/** The tables paged newest first by (created_at, id), and who owns their rows. */
export type KeysetTable = 'deployments' | 'projects' | 'activities';

/**
 * The cursor row's (created_at, id), read only among `ownerId`'s rows: someone else's id
 * matches nothing, so it cannot tell whether that row exists or when it was made.
 * Deployments belong to their project's owner.
 */
function ownedCursorRow(
  table: KeysetTable,
  cursorId: string,
  ownerId: string,
): RawBuilder<unknown> {
  switch (table) {
    case 'projects':
      return sql`select c.created_at, c.id from projects as c where c.id = ${cursorId} and c.owner_id = ${ownerId}`;
    case 'activities':
      return sql`select c.created_at, c.id from activities as c where c.id = ${cursorId} and c.user_id = ${ownerId}`;
    case 'deployments':
      return sql`select c.created_at, c.id from deployments as c join projects as p on p.id = c.project_id where c.id = ${cursorId} and p.owner_id = ${ownerId}`;
  }
}

/**
 * "Rows after the cursor row" for newest-first keyset pagination on (created_at, id).
 * The cursor is the id of the previous page's last row; comparing against that row's own
 * `created_at` in SQL keeps PostgreSQL's microseconds, which a timestamp round-tripped
 * through JavaScript (milliseconds) would lose, skipping rows. An id that matches no row of
 * `ownerId`'s — someone else's included — yields an empty page.
 *
 * @example query.where(afterCursor('projects', cursor, ownerId))
 */
export function afterCursor(
  table: KeysetTable,
  cursorId: string,
  ownerId: string,
): RawBuilder<boolean> {
  const t = sql.table(table);
  return sql<boolean>`(${t}.created_at, ${t}.id) < (${ownedCursorRow(table, cursorId, ownerId)})`;
}

/** Splits `limit + 1` fetched rows into a page and the cursor of the next one. */
export function toPage<T extends { id: string }>(
  rows: T[],
  limit: number,
): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
}
