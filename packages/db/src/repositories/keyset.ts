import { type RawBuilder, sql } from 'kysely';

/**
 * "Rows after the cursor row" for newest-first keyset pagination on (created_at, id).
 * The cursor is the id of the previous page's last row; comparing against that row's own
 * `created_at` in SQL keeps PostgreSQL's microseconds, which a timestamp round-tripped
 * through JavaScript (milliseconds) would lose, skipping rows. An id that matches no row
 * yields an empty page.
 */
export function afterCursor(
  table: 'deployments' | 'projects' | 'activities',
  cursorId: string,
): RawBuilder<boolean> {
  const t = sql.table(table);
  return sql<boolean>`(${t}.created_at, ${t}.id) < (select c.created_at, c.id from ${t} as c where c.id = ${cursorId})`;
}

/** Splits `limit + 1` fetched rows into a page and the cursor of the next one. */
export function toPage<T extends { id: string }>(
  rows: T[],
  limit: number,
): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
}
