import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDatabase, type DatabaseHandle } from '../client';

/** The server tests create throwaway databases on: DATABASE_URL, else the local default. */
export function postgresAdminUrl(): string {
  return process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
}

let probe: Promise<string | undefined> | undefined;

/**
 * Resolves to `undefined` when PostgreSQL answers at `postgresAdminUrl()`, else to the reason
 * it does not. Probed once per test worker.
 */
export function probePostgres(): Promise<string | undefined> {
  probe ??= withAdminClient(async (client) => {
    await client.query('select 1');
  }).then(
    () => undefined,
    (error: unknown) => (error instanceof Error ? error.message : String(error)) || 'unknown error',
  );
  return probe;
}

/**
 * Creates an empty database `botsmith_test_<random>` and opens it; `close()` drops it again.
 * Each test suite gets its own database, so suites can run in parallel.
 */
export async function openThrowawayPostgres(): Promise<DatabaseHandle> {
  const name = `botsmith_test_${randomBytes(6).toString('hex')}`;
  await withAdminClient((client) => client.query(`create database ${name}`));
  const url = new URL(postgresAdminUrl());
  url.pathname = `/${name}`;
  const handle = createDatabase({ url: url.toString(), maxConnections: 4 });
  return {
    ...handle,
    async close() {
      await handle.close();
      // FORCE (PostgreSQL 13+) ends sessions a failed test may have leaked.
      await withAdminClient((client) =>
        client.query(`drop database if exists ${name} with (force)`),
      );
    },
  };
}

/** Runs `fn` with a client connected to `url` (the admin database, `postgresAdminUrl()`). */
export async function withAdminClient<T>(
  fn: (client: pg.Client) => Promise<T>,
  url = postgresAdminUrl(),
): Promise<T> {
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: 3_000,
  });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
