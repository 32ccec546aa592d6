import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { CamelCasePlugin, type Dialect, Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './database';
import { PGliteDialect } from './pglite/dialect';
import { INT8_OID, parseInt8 } from './type-parsers';

/** Where the data lives: a PostgreSQL URL, a PGlite directory, or PGlite in memory. */
export type DatabaseOptions =
  | {
      /** A `postgres://` connection URL (DATABASE_URL). */
      url: string;
      /** Pool size; defaults to 10. */
      maxConnections?: number;
      /** Longest a statement may run before the server cancels it; defaults to 30 s. */
      statementTimeoutMs?: number;
      /**
       * Called once for each pooled connection that fails (the server restarted, a backend
       * was terminated, the network dropped). The query in flight on it rejects as well; the
       * pool opens a new connection for the next one.
       */
      onConnectionError?: (error: Error) => void;
    }
  | { /** PGlite's data directory, created if missing. */ dataDir: string }
  | { /** PGlite in memory: nothing survives `close()`. For tests. */ memory: true };

/** An open database and how to close it. */
export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: 'pglite' | 'postgres';
  /** Finishes queries in flight and closes the pool or the PGlite instance. */
  close(): Promise<void>;
}

/** The PGlite directory inside the app's data directory (DATA_DIR). */
export function pgliteDataDir(dataDir: string): string {
  return join(dataDir, 'pglite');
}

/**
 * Opens the database: PostgreSQL through a `pg` pool when `url` is given, otherwise the
 * embedded PGlite (on disk at `dataDir`, or in memory). Connections are opened lazily, so
 * this never throws for an unreachable server; the first query does.
 *
 * @example
 * const { db, close } = createDatabase(env.DATABASE_URL ? { url: env.DATABASE_URL }
 *   : { dataDir: pgliteDataDir(env.DATA_DIR) });
 */
export function createDatabase(options: DatabaseOptions): DatabaseHandle {
  const kind = 'url' in options ? 'postgres' : 'pglite';
  const db = createKysely(kind === 'postgres' ? postgresDialect(options) : pgliteDialect(options));
  return { db, kind, close: () => db.destroy() };
}

/** Wraps a dialect the way every Botsmith database is wrapped (snake_case ↔ camelCase). */
export function createKysely(dialect: Dialect): Kysely<Database> {
  return new Kysely<Database>({ dialect, plugins: [new CamelCasePlugin()] });
}

/** How long a statement may run unless `statementTimeoutMs` says otherwise. */
export const DEFAULT_STATEMENT_TIMEOUT_MS = 30_000;

/** PGlite options shared by every instance we open, so rows parse the same as with `pg`. */
export const PGLITE_OPTIONS = { parsers: { [INT8_OID]: parseInt8 } };

function pgliteDialect(options: DatabaseOptions): Dialect {
  if ('dataDir' in options) {
    const { dataDir } = options;
    return new PGliteDialect(async () => {
      mkdirSync(dataDir, { recursive: true });
      return PGlite.create(dataDir, PGLITE_OPTIONS);
    });
  }
  return new PGliteDialect(() => PGlite.create(PGLITE_OPTIONS));
}

function postgresDialect(options: DatabaseOptions): Dialect {
  if (!('url' in options)) throw new Error('unreachable: postgresDialect needs a url');
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.maxConnections ?? 10,
    // Without a timeout a down server makes /ready (and startup) hang instead of failing.
    connectionTimeoutMillis: 5_000,
    // A runaway statement (or a lock wait) must not hold a connection forever.
    statement_timeout: options.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS,
    idle_in_transaction_session_timeout: 60_000,
    // Notices a dead peer on an idle connection sooner than the OS default of hours.
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
    application_name: 'botsmith',
    // Per-pool parsers: changing pg's global type registry would leak into other code.
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID && format !== 'binary'
          ? parseInt8
          : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // pg-pool listens for errors only on idle clients and drops that listener while a client
  // is checked out, so a connection that dies mid-query (pg_terminate_backend, a failover)
  // emits 'error' with no listener and ends the process. One permanent listener per client
  // reports it once; the pool's own 'error' (the same failure on an idle client) must have a
  // listener too, or Node throws it.
  pool.on('connect', (client) => {
    client.on('error', (error) => options.onConnectionError?.(error));
  });
  pool.on('error', () => {});
  return new PostgresDialect({ pool });
}
