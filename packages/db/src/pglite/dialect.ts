import type { PGliteInterface, Results } from '@electric-sql/pglite';
import {
  CompiledQuery,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import { Mutex } from './mutex';

/** A PGlite instance, or a function that opens one when Kysely first needs it. */
export type PGliteSource = PGliteInterface | (() => Promise<PGliteInterface>);

/**
 * A Kysely dialect for PGlite (PostgreSQL compiled to WebAssembly, in process). It reuses
 * Kysely's PostgreSQL adapter, compiler and introspector; only the driver is PGlite's.
 * Kysely destroys (closes) the PGlite instance when the `Kysely` instance is destroyed.
 *
 * @example
 * const db = new Kysely<Database>({ dialect: new PGliteDialect(() => PGlite.create()) });
 */
export class PGliteDialect implements Dialect {
  readonly #source: PGliteSource;

  constructor(source: PGliteSource) {
    this.#source = source;
  }

  createAdapter(): DialectAdapter {
    return new PostgresAdapter();
  }

  createDriver(): Driver {
    return new PGliteDriver(this.#source);
  }

  createQueryCompiler(): QueryCompiler {
    return new PostgresQueryCompiler();
  }

  // biome-ignore lint/suspicious/noExplicitAny: the signature Kysely's Dialect interface declares.
  createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return new PostgresIntrospector(db);
  }
}

/**
 * PGlite is a single PostgreSQL session, so there is exactly one connection and whoever
 * holds it holds the session. Kysely keeps a connection for a whole transaction; the mutex
 * stops any other query from running inside someone else's transaction meanwhile.
 * Consequence: inside `db.transaction().execute(trx => …)` use `trx`, never `db`, or the
 * outer query waits for the transaction that waits for it (on `pg` it would merely escape
 * the transaction).
 */
class PGliteDriver implements Driver {
  readonly #source: PGliteSource;
  readonly #mutex = new Mutex();
  #pglite: PGliteInterface | undefined;
  #connection: PGliteConnection | undefined;
  #release: (() => void) | undefined;

  constructor(source: PGliteSource) {
    this.#source = source;
  }

  async init(): Promise<void> {
    this.#pglite = typeof this.#source === 'function' ? await this.#source() : this.#source;
    await this.#pglite.waitReady;
    this.#connection = new PGliteConnection(this.#pglite);
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const release = await this.#mutex.lock();
    if (!this.#connection) {
      release();
      throw new Error('the PGlite driver is not initialised or was destroyed');
    }
    this.#release = release;
    return this.#connection;
  }

  async releaseConnection(): Promise<void> {
    const release = this.#release;
    this.#release = undefined;
    release?.();
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings) {
    let statement = 'start transaction';
    if (settings.isolationLevel) statement += ` isolation level ${settings.isolationLevel}`;
    if (settings.accessMode) statement += ` ${settings.accessMode}`;
    await connection.executeQuery(CompiledQuery.raw(statement));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  async savepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`savepoint ${quoteIdentifier(name)}`));
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(
      CompiledQuery.raw(`rollback to savepoint ${quoteIdentifier(name)}`),
    );
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`release savepoint ${quoteIdentifier(name)}`));
  }

  async destroy(): Promise<void> {
    // Wait for whoever holds the connection so a query in flight is not cut off.
    const release = await this.#mutex.lock();
    const pglite = this.#pglite;
    this.#pglite = undefined;
    this.#connection = undefined;
    try {
      if (pglite && !pglite.closed) await pglite.close();
    } finally {
      release();
    }
  }
}

const COMMANDS_WITH_ROW_COUNTS = new Set(['INSERT', 'UPDATE', 'DELETE', 'MERGE']);

class PGliteConnection implements DatabaseConnection {
  readonly #pglite: PGliteInterface;

  constructor(pglite: PGliteInterface) {
    this.#pglite = pglite;
  }

  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.#run<R>(compiledQuery);
    const counted = result.command !== undefined && COMMANDS_WITH_ROW_COUNTS.has(result.command);
    return {
      rows: result.rows,
      numAffectedRows: counted ? BigInt(result.affectedRows ?? 0) : undefined,
    };
  }

  // Like `pg`, a query without parameters goes through the simple protocol, which allows
  // several statements in one string (pg-boss installs its schema that way); the result is
  // the last statement's, as with `pg`.
  async #run<R>(compiledQuery: CompiledQuery): Promise<Results<R>> {
    if (compiledQuery.parameters.length > 0) {
      return this.#pglite.query<R>(compiledQuery.sql, [...compiledQuery.parameters]);
    }
    const results = await this.#pglite.exec(compiledQuery.sql);
    return (results.at(-1) ?? { rows: [], fields: [] }) as Results<R>;
  }

  // biome-ignore lint/correctness/useYield: streaming is deliberately unsupported.
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('the PGlite driver does not support streaming queries');
  }
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
