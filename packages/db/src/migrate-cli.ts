// `pnpm db:migrate`: applies pending migrations to DATABASE_URL, or to the embedded PGlite
// database the API uses by default. Exit code 0 on success, 1 on failure.
// Do not run it against a PGlite directory while the API has it open: PGlite is a single
// process database and two processes writing the same directory corrupt it.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDatabase, pgliteDataDir } from './client';
import { migrateToLatest } from './migrate';

/** The API's default DATA_DIR (`.data` under apps/api, where `pnpm start` runs it). */
const API_DATA_DIR = fileURLToPath(new URL('../../../apps/api/.data', import.meta.url));

async function main(): Promise<number> {
  const url = process.env.DATABASE_URL;
  const dataDir = pgliteDataDir(resolve(process.env.DATA_DIR || API_DATA_DIR));
  const handle = createDatabase(url ? { url } : { dataDir });
  console.log(
    url
      ? `Migrating PostgreSQL (DATABASE_URL)`
      : `Migrating the embedded PGlite database at ${dataDir}`,
  );
  try {
    const results = await migrateToLatest(handle.db);
    for (const result of results) console.log(`  ${result.status}: ${result.migrationName}`);
    console.log(results.length === 0 ? 'Already up to date.' : `Applied ${results.length}.`);
    return 0;
  } catch (error) {
    console.error(`Migration failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await handle.close();
  }
}

process.exitCode = await main();
