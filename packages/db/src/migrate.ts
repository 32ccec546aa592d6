import type { Kysely } from 'kysely';
import { type MigrationResult, Migrator, NO_MIGRATIONS } from 'kysely/migration';
import type { Database } from './database';
import { migrations } from './migrations';

/** Thrown when a migration fails; names the migration and keeps the database error as `cause`. */
export class MigrationError extends Error {
  override readonly name = 'MigrationError';

  constructor(
    message: string,
    /** The name of the migration that failed, when Kysely reached one. */
    readonly failedMigration: string | undefined,
    /** Every migration Kysely attempted, in order, with its status. */
    readonly results: readonly MigrationResult[],
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/**
 * A Kysely `Migrator` over the in-code migration list. Migrations see the database without
 * plugins so the `CamelCasePlugin` can never rename what a frozen migration wrote.
 */
export function createMigrator(db: Kysely<Database>): Migrator {
  return new Migrator({
    db: db.withoutPlugins(),
    provider: { getMigrations: async () => migrations },
  });
}

async function run(
  db: Kysely<Database>,
  direction: string,
  migrate: (migrator: Migrator) => ReturnType<Migrator['migrateToLatest']>,
): Promise<MigrationResult[]> {
  const { error, results = [] } = await migrate(createMigrator(db));
  if (error) {
    const failed = results.find((result) => result.status === 'Error')?.migrationName;
    const reason = error instanceof Error ? error.message : String(error);
    const where = failed ? `migration "${failed}" failed` : 'migrations could not start';
    throw new MigrationError(`${direction}: ${where}: ${reason}`, failed, results, {
      cause: error,
    });
  }
  return results;
}

/**
 * Applies every pending migration in one transaction, or none.
 *
 * @example
 * const results = await migrateToLatest(db);
 * for (const r of results) console.log(r.migrationName, r.status);
 * @throws {MigrationError} naming the failed migration.
 */
export function migrateToLatest(db: Kysely<Database>): Promise<MigrationResult[]> {
  return run(db, 'migrating up', (migrator) => migrator.migrateToLatest());
}

/** Reverts every migration (tests and local resets only: it drops all data). */
export function migrateDownAll(db: Kysely<Database>): Promise<MigrationResult[]> {
  return run(db, 'migrating down', (migrator) => migrator.migrateTo(NO_MIGRATIONS));
}

/** Names of migrations not yet applied, in the order they would run. */
export async function pendingMigrations(db: Kysely<Database>): Promise<string[]> {
  const infos = await createMigrator(db).getMigrations();
  return infos.filter((info) => !info.executedAt).map((info) => info.name);
}
