/** `src/sessions/redis-store.ts`: sessions in Redis through node-redis, expiring with EX. */
export const REDIS_STORE = `import { createClient } from 'redis';
import { log } from '../log.js';
import type { SessionBackend } from './backend.js';
import type { Session, SessionStore } from './session-store.js';

/** The commands the store uses, so tests and other clients can stand in. */
export interface RedisCommands {
  get(key: string): Promise<string | null | unknown>;
  set(key: string, value: string, options: { expiration: { type: 'EX'; value: number } }): Promise<unknown>;
  del(key: string): Promise<number | unknown>;
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
}

// Compare-and-set in one round trip: writes only if the value is still what update() read.
// A script instead of WATCH/MULTI because WATCH belongs to a connection, and this one is shared.
const COMPARE_AND_SET = \`local current = redis.call('GET', KEYS[1])
if ARGV[1] == '1' then
  if current ~= ARGV[2] then return 0 end
elseif current then
  return 0
end
redis.call('SET', KEYS[1], ARGV[3], 'EX', ARGV[4])
return 1\`;

/** Attempts before update() gives up; each lost race means another writer made progress. */
const MAX_UPDATE_ATTEMPTS = 50;

/** Values as JSON under "<prefix><id>"; Redis itself forgets them after the TTL (SET … EX). */
export class RedisSessionStore<T = Session> implements SessionStore<T> {
  readonly #ttlSeconds: number;

  constructor(
    private readonly client: RedisCommands,
    private readonly prefix: string,
    ttlSeconds: number,
  ) {
    // EX takes whole seconds; rounding up never forgets a session early.
    this.#ttlSeconds = Math.max(1, Math.ceil(ttlSeconds));
  }

  async get(id: string): Promise<T | undefined> {
    const raw = await this.client.get(this.prefix + id);
    return typeof raw === 'string' ? (JSON.parse(raw) as T) : undefined;
  }

  async set(id: string, value: T): Promise<void> {
    await this.client.set(this.prefix + id, JSON.stringify(value), {
      expiration: { type: 'EX', value: this.#ttlSeconds },
    });
  }

  async delete(id: string): Promise<void> {
    await this.client.del(this.prefix + id);
  }

  /** Optimistic: read, apply fn, compare-and-set; retried (bounded) when another write won. */
  async update(id: string, fn: (current: T | undefined) => T): Promise<T> {
    const key = this.prefix + id;
    for (let attempt = 0; attempt < MAX_UPDATE_ATTEMPTS; attempt++) {
      const raw = await this.client.get(key);
      const expected = typeof raw === 'string' ? raw : undefined;
      const value = fn(expected === undefined ? undefined : (JSON.parse(expected) as T));
      const written = await this.client.eval(COMPARE_AND_SET, {
        keys: [key],
        arguments: [expected === undefined ? '0' : '1', expected ?? '', JSON.stringify(value), String(this.#ttlSeconds)],
      });
      if (Number(written) === 1) return value;
    }
    throw new Error('Session update for ' + id + ' kept conflicting with other writers; giving up');
  }
}

/** Connects to REDIS_URL; every store of the backend shares the one connection. */
export async function connectRedis(url: string, keyPrefix: string): Promise<SessionBackend> {
  const client = createClient({ url });
  // node-redis reconnects by itself; without a listener an "error" event would crash the process.
  client.on('error', (error: unknown) => log.error({ err: error }, 'Redis connection error'));
  await client.connect();
  return {
    store: <T>(namespace: string, ttlSeconds: number) =>
      new RedisSessionStore<T>(client, keyPrefix + ':' + namespace + ':', ttlSeconds),
    close: () => client.close(),
  };
}
`;

/** `src/sessions/postgres-store.ts`: sessions in one PostgreSQL table, TTL checked on read. */
export const POSTGRES_STORE = `import { Pool } from 'pg';
import { log } from '../log.js';
import type { SessionBackend } from './backend.js';
import type { Session, SessionStore } from './session-store.js';

const CREATE_TABLE = \`CREATE TABLE IF NOT EXISTS bot_sessions (
  namespace text NOT NULL,
  id text NOT NULL,
  data jsonb NOT NULL,
  expires_at timestamptz NOT NULL,
  PRIMARY KEY (namespace, id)
);
CREATE INDEX IF NOT EXISTS bot_sessions_expires_at ON bot_sessions (expires_at);\`;

// Two instances starting together can race on CREATE TABLE IF NOT EXISTS; the loser sees these.
const ALREADY_EXISTS = new Set(['23505', '42P07']);

/** Values as jsonb rows; expired rows are invisible to get() and removed by a periodic sweep. */
export class PostgresSessionStore<T = Session> implements SessionStore<T> {
  constructor(
    private readonly pool: Pool,
    private readonly namespace: string,
    private readonly ttlSeconds: number,
  ) {}

  async get(id: string): Promise<T | undefined> {
    const { rows } = await this.pool.query<{ data: T }>(
      'SELECT data FROM bot_sessions WHERE namespace = $1 AND id = $2 AND expires_at > now()',
      [this.namespace, id],
    );
    return rows[0]?.data;
  }

  async set(id: string, value: T): Promise<void> {
    // The database clock decides expiry, so instances with skewed clocks agree.
    await this.pool.query(
      \`INSERT INTO bot_sessions (namespace, id, data, expires_at)
       VALUES ($1, $2, $3::jsonb, now() + make_interval(secs => $4))
       ON CONFLICT (namespace, id) DO UPDATE SET data = EXCLUDED.data, expires_at = EXCLUDED.expires_at\`,
      [this.namespace, id, JSON.stringify(value), this.ttlSeconds],
    );
  }

  async delete(id: string): Promise<void> {
    await this.pool.query('DELETE FROM bot_sessions WHERE namespace = $1 AND id = $2', [this.namespace, id]);
  }

  /** One transaction: the row is locked (FOR UPDATE) from the read until the write commits. */
  async update(id: string, fn: (current: T | undefined) => T): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      // An expired placeholder row gives FOR UPDATE something to lock even for a new session;
      // a concurrent insert of the same key waits here for this transaction.
      await client.query(
        \`INSERT INTO bot_sessions (namespace, id, data, expires_at) VALUES ($1, $2, 'null'::jsonb, now())
         ON CONFLICT (namespace, id) DO NOTHING\`,
        [this.namespace, id],
      );
      const { rows } = await client.query<{ data: T; live: boolean }>(
        'SELECT data, expires_at > now() AS live FROM bot_sessions WHERE namespace = $1 AND id = $2 FOR UPDATE',
        [this.namespace, id],
      );
      const current = rows[0]?.live ? rows[0].data : undefined;
      const value = fn(current);
      await client.query(
        'UPDATE bot_sessions SET data = $3::jsonb, expires_at = now() + make_interval(secs => $4) WHERE namespace = $1 AND id = $2',
        [this.namespace, id, JSON.stringify(value), this.ttlSeconds],
      );
      await client.query('COMMIT');
      return value;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}

/** Deletes every expired row; returns how many went. */
export async function deleteExpiredSessions(pool: Pool): Promise<number> {
  const result = await pool.query('DELETE FROM bot_sessions WHERE expires_at <= now()');
  return result.rowCount ?? 0;
}

/** Connects to DATABASE_URL, creates the table if missing and sweeps expired rows periodically. */
export async function connectPostgres(
  connectionString: string,
  keyPrefix: string,
  { cleanupIntervalMs = 10 * 60_000 }: { cleanupIntervalMs?: number } = {},
): Promise<SessionBackend> {
  const pool = new Pool({ connectionString, max: 5 });
  // An idle client losing its connection emits "error" on the pool; unhandled, it would crash.
  pool.on('error', (error) => log.error({ err: error }, 'PostgreSQL connection error'));
  await pool.query(CREATE_TABLE).catch((error: { code?: string }) => {
    if (!ALREADY_EXISTS.has(error.code ?? '')) throw error;
  });
  const sweep = setInterval(() => {
    deleteExpiredSessions(pool).catch((error) => log.error({ err: error }, 'Deleting expired sessions failed'));
  }, cleanupIntervalMs);
  sweep.unref();
  return {
    store: <T>(namespace: string, ttlSeconds: number) =>
      new PostgresSessionStore<T>(pool, keyPrefix + ':' + namespace, ttlSeconds),
    close: async () => {
      clearInterval(sweep);
      await pool.end();
    },
  };
}
`;
