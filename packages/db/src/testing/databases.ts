import { scaledTimeout } from '@botsmith/test-kit';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, test } from 'vitest';
import type { DatabaseHandle } from '../client';
import type { Database } from '../database';
import { migrateToLatest } from '../migrate';
import { openMemoryPGlite } from './pglite';
import { openThrowawayPostgres, postgresAdminUrl, probePostgres } from './postgres';

/** The dialects every database test runs against. */
export const DATABASE_KINDS = ['pglite', 'postgres'] as const;
export type DatabaseKind = (typeof DATABASE_KINDS)[number];

/** What a suite body gets: the dialect now, the database once `beforeAll` has opened it. */
export interface TestDatabase {
  readonly kind: DatabaseKind;
  /** The open database; only valid inside hooks and tests, not while collecting. */
  readonly db: Kysely<Database>;
}

/**
 * Opens an empty throwaway database of `kind` (in-memory PGlite, or a fresh PostgreSQL
 * database that `close()` drops). Throws when PostgreSQL is unreachable.
 */
export async function openTestDatabase(
  kind: DatabaseKind,
  options: { migrate?: boolean } = {},
): Promise<DatabaseHandle> {
  const handle = kind === 'pglite' ? await openMemoryPGlite() : await openThrowawayPostgres();
  if (options.migrate) {
    try {
      await migrateToLatest(handle.db);
    } catch (error) {
      await handle.close();
      throw error;
    }
  }
  return handle;
}

let warned = false;

/**
 * Declares the suite once per dialect (`title [pglite]`, `title [postgres]`), each on its own
 * fresh database, migrated unless `migrate: false`. When PostgreSQL is unreachable the
 * PostgreSQL suite is skipped with a warning, or fails when `CI` is set (CI always has one).
 *
 * @example
 * describeEachDatabase('projects', (t) => {
 *   test('lists nothing at first', async () => {
 *     expect(await t.db.selectFrom('projects').selectAll().execute()).toEqual([]);
 *   });
 * });
 */
export function describeEachDatabase(
  title: string,
  body: (database: TestDatabase) => void,
  options: { migrate?: boolean } = {},
): void {
  for (const kind of DATABASE_KINDS) {
    describe(`${title} [${kind}]`, async () => {
      if (kind === 'postgres') {
        const unavailable = await probePostgres();
        if (unavailable) {
          const message = `PostgreSQL is unreachable at ${redact(postgresAdminUrl())}: ${unavailable}`;
          if (process.env.CI) throw new Error(`${message} (CI must run the PostgreSQL tests)`);
          if (!warned) {
            warned = true;
            console.warn(`\n⚠ ${message}\n⚠ Skipping PostgreSQL variants; set DATABASE_URL.\n`);
          }
          test.skip('PostgreSQL is unreachable', () => {});
          return;
        }
      }

      let handle: DatabaseHandle | undefined;
      beforeAll(async () => {
        handle = await openTestDatabase(kind, { migrate: options.migrate ?? true });
      }, scaledTimeout(60_000));
      afterAll(async () => {
        await handle?.close();
      });
      body({
        kind,
        get db() {
          if (!handle) throw new Error('the test database is opened in beforeAll; use it in tests');
          return handle.db;
        },
      });
    });
  }
}

function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
