import { sql } from 'kysely';
import { expect, test } from 'vitest';
import { MigrationError, migrateDownAll, migrateToLatest, pendingMigrations } from './migrate';
import { checkReady } from './ready';
import { describeEachDatabase } from './testing';

const MIGRATIONS = [
  '2026_11_22_000000_initial',
  '2026_11_23_000000_auth',
  '2026_11_24_000000_setup',
  '2026_11_25_000000_webhook_candidates_by_repo_id',
  '2026_12_02_000000_setup_step_ids',
];
const TABLES = [
  'activities',
  'api_tokens',
  'deployments',
  'oauth_tokens',
  'projects',
  'rate_limits',
  'sessions',
  'setup_runs',
  'setup_steps',
  'users',
  'webhook_deliveries',
];

async function tableNames(db: Parameters<typeof checkReady>[0]): Promise<string[]> {
  const tables = await db.introspection.getTables();
  return tables.map((table) => table.name).sort();
}

describeEachDatabase(
  'migrations',
  (t) => {
    test('checkReady reports pending migrations on an empty database', async () => {
      expect(await pendingMigrations(t.db)).toEqual(MIGRATIONS);
      expect(await checkReady(t.db)).toMatchObject({
        ready: false,
        reason: 'migrations_pending',
        pending: MIGRATIONS,
      });
    });

    test('migrate up, down and up again', async () => {
      const up = await migrateToLatest(t.db);
      expect(up.map((r) => [r.migrationName, r.status])).toEqual(
        MIGRATIONS.map((name) => [name, 'Success']),
      );
      expect(await tableNames(t.db)).toEqual(TABLES);
      expect(await checkReady(t.db)).toEqual({ ready: true });
      expect(await migrateToLatest(t.db)).toEqual([]);

      const down = await migrateDownAll(t.db);
      expect(down.map((r) => r.direction)).toEqual(MIGRATIONS.map(() => 'Down'));
      expect(await tableNames(t.db)).toEqual([]);
      expect((await checkReady(t.db)).ready).toBe(false);

      await migrateToLatest(t.db);
      expect(await tableNames(t.db)).toEqual(TABLES);
      expect(await pendingMigrations(t.db)).toEqual([]);
    });

    test('a failing migration throws a MigrationError naming it and rolls back', async () => {
      await migrateDownAll(t.db);
      // A stray table makes the initial migration's CREATE TABLE fail halfway through.
      await sql`create table projects (id int)`.execute(t.db);
      const error = await migrateToLatest(t.db).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MigrationError);
      expect((error as MigrationError).failedMigration).toBe('2026_11_22_000000_initial');
      expect((error as MigrationError).message).toMatch(
        /migration "2026_11_22_000000_initial" failed: .*projects/,
      );
      // The transaction rolled back: `users`, created before the failure, is gone.
      expect(await tableNames(t.db)).toEqual(['projects']);
      await sql`drop table projects`.execute(t.db);
    });
  },
  { migrate: false },
);
