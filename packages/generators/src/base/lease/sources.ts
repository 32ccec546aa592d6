/** `src/lease/lease.ts`: the one interface every lease backend implements, and the holder loop. */
export const LEASE = `import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { log } from '../log.js';

/**
 * A named lease with an expiry, so that one instance of the bot does what must happen once
 * (long polling, scheduled posts) even when two run side by side during a deploy.
 */
export interface LeaseStore {
  /** Takes the lease when it is free or expired, or extends it when holder has it; true when holder has it now. */
  acquire(name: string, holder: string, ttlMs: number): Promise<boolean>;
  /** Gives the lease up, only if holder still has it. */
  release(name: string, holder: string): Promise<void>;
  close(): Promise<void>;
}

/** This process, as lease holders are told apart (the host name is the machine on Fly). */
export const PROCESS_HOLDER = hostname() + ':' + process.pid + ':' + randomUUID().slice(0, 8);

export interface LeaseOptions {
  /** How long the lease lasts without renewal: how soon another instance takes over after a crash. */
  ttlMs?: number;
  holder?: string;
  /** Called when this holder gets the lease: start polling. */
  onAcquired(): void;
  /** Called when it loses the lease (it expired, or the store is unreachable): stop polling. */
  onLost(): void;
}

export interface LeaseHandle {
  readonly held: boolean;
  /** Stops renewing and releases the lease, so a waiting instance takes over at once. */
  stop(): Promise<void>;
}

/**
 * Tries to take the lease now and every third of its TTL: renews it while held, calls onLost
 * when a renewal fails (so polling stops before the lease can pass to another instance).
 */
export function holdLease(store: LeaseStore, name: string, options: LeaseOptions): LeaseHandle {
  const { ttlMs = 30_000, holder = PROCESS_HOLDER } = options;
  let held = false;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const tick = async () => {
    let got = false;
    try {
      got = await store.acquire(name, holder, ttlMs);
    } catch (error) {
      log.warn({ err: error, lease: name }, 'Lease store unreachable; treating the lease as lost');
    }
    if (stopped) return;
    if (got && !held) {
      held = true;
      options.onAcquired();
    } else if (!got && held) {
      held = false;
      options.onLost();
    }
    timer = setTimeout(() => void tick(), Math.max(10, Math.floor(ttlMs / 3)));
  };
  void tick();
  return {
    get held() {
      return held;
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      if (held) {
        held = false;
        await store.release(name, holder).catch((error: unknown) => log.warn({ err: error, lease: name }, 'Could not release the lease'));
      }
    },
  };
}
`;

/** `src/lease/memory-lease.ts`: leases of this process only. */
export const MEMORY_LEASE = `import type { LeaseStore } from './lease.js';

/**
 * Leases in process memory: they keep the holders of one process apart, but a second
 * instance has its own, so run a single instance (README.md, "One instance").
 */
export function memoryLeaseStore(now: () => number = Date.now): LeaseStore {
  const leases = new Map<string, { holder: string; expiresAt: number }>();
  return {
    async acquire(name, holder, ttlMs) {
      const current = leases.get(name);
      if (current && current.holder !== holder && current.expiresAt > now()) return false;
      leases.set(name, { holder, expiresAt: now() + ttlMs });
      return true;
    },
    async release(name, holder) {
      if (leases.get(name)?.holder === holder) leases.delete(name);
    },
    close: async () => undefined,
  };
}
`;

/** `src/lease/redis-lease.ts`: SET NX PX to take, compare-and-expire to renew, compare-and-delete to release. */
export const REDIS_LEASE = `import { createClient } from 'redis';
import type { LeaseStore } from './lease.js';

// Both run atomically in Redis, so a lease that passed to another holder is never touched.
const RENEW = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";
const RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

/** Leases as Redis keys "<prefix><name>" holding the holder's id, expiring by themselves (PX). */
export async function redisLeaseStore(url: string, prefix: string): Promise<LeaseStore> {
  const client = createClient({ url });
  // node-redis reconnects by itself; without a listener an "error" event would crash the process.
  client.on('error', () => undefined);
  await client.connect();
  return {
    async acquire(name, holder, ttlMs) {
      const key = prefix + name;
      const taken = await client.set(key, holder, { condition: 'NX', expiration: { type: 'PX', value: ttlMs } });
      if (taken === 'OK') return true;
      return Number(await client.eval(RENEW, { keys: [key], arguments: [holder, String(ttlMs)] })) === 1;
    },
    async release(name, holder) {
      await client.eval(RELEASE, { keys: [prefix + name], arguments: [holder] });
    },
    close: () => client.close(),
  };
}
`;

/** `src/lease/postgres-lease.ts`: a lease row with an expiry, taken by one upsert. */
export const POSTGRES_LEASE = `import { Pool } from 'pg';
import type { LeaseStore } from './lease.js';

const CREATE_TABLE = \`CREATE TABLE IF NOT EXISTS bot_leases (
  name text PRIMARY KEY,
  holder text NOT NULL,
  expires_at timestamptz NOT NULL
)\`;

// Two instances starting together can race on CREATE TABLE IF NOT EXISTS; the loser sees these.
const ALREADY_EXISTS = new Set(['23505', '42P07']);

// Inserts the row, or takes it over when it is this holder's or has expired; one statement, so
// two instances cannot both win. The database's clock decides expiry, not the instances'.
const ACQUIRE = \`INSERT INTO bot_leases (name, holder, expires_at)
VALUES ($1, $2, now() + $3 * interval '1 millisecond')
ON CONFLICT (name) DO UPDATE SET holder = EXCLUDED.holder, expires_at = EXCLUDED.expires_at
WHERE bot_leases.holder = EXCLUDED.holder OR bot_leases.expires_at <= now()
RETURNING holder\`;

/** Leases as rows of bot_leases (created on start), names prefixed with the bot id. */
export async function postgresLeaseStore(url: string, prefix: string): Promise<LeaseStore> {
  const pool = new Pool({ connectionString: url, max: 2 });
  pool.on('error', () => undefined);
  try {
    await pool.query(CREATE_TABLE);
  } catch (error) {
    if (!ALREADY_EXISTS.has((error as { code?: string }).code ?? '')) {
      await pool.end();
      throw error;
    }
  }
  return {
    async acquire(name, holder, ttlMs) {
      const result = await pool.query(ACQUIRE, [prefix + name, holder, ttlMs]);
      return result.rowCount === 1;
    },
    async release(name, holder) {
      await pool.query('DELETE FROM bot_leases WHERE name = $1 AND holder = $2', [prefix + name, holder]);
    },
    close: () => pool.end(),
  };
}
`;
