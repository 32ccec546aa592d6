import type { BuildConfig } from '@botsmith/shared';
import type { SessionStoreKind } from '../../features/sessions/store-kind';
import type { GeneratedFile, GeneratorModule } from '../../types';
import { LEASE, MEMORY_LEASE, POSTGRES_LEASE, REDIS_LEASE } from './sources';
import { leaseTest } from './tests';

/** Where leases live: the project's Redis or PostgreSQL when it stores sessions there. */
export function leaseKind(config: BuildConfig): SessionStoreKind {
  return config.features.includes('sessions') ? config.sessions.store : 'memory';
}

/** Whether something in the project must run on one instance only: a poller or schedules. */
export function needsLease(config: BuildConfig): boolean {
  return (
    config.platforms.includes('telegram') ||
    config.platforms.includes('twitter') ||
    config.features.includes('scheduled')
  );
}

const OPEN: Record<SessionStoreKind, string[]> = {
  memory: ['  return memoryLeaseStore();'],
  redis: [
    "  if (!env.REDIS_URL) throw new Error('Set REDIS_URL (see .env.example): leases are kept in Redis.');",
    "  return redisLeaseStore(env.REDIS_URL, BOT_ID + ':lease:');",
  ],
  postgres: [
    "  if (!env.DATABASE_URL) throw new Error('Set DATABASE_URL (see .env.example): leases are kept in PostgreSQL.');",
    "  return postgresLeaseStore(env.DATABASE_URL, BOT_ID + ':');",
  ],
};

function leaseIndex(kind: SessionStoreKind): string {
  return [
    ...(kind === 'memory' ? [] : ["import { BOT_ID } from '../config.js';"]),
    "import type { LeaseStore } from './lease.js';",
    "import { memoryLeaseStore } from './memory-lease.js';",
    ...(kind === 'postgres' ? ["import { postgresLeaseStore } from './postgres-lease.js';"] : []),
    ...(kind === 'redis' ? ["import { redisLeaseStore } from './redis-lease.js';"] : []),
    '',
    "export { holdLease, type LeaseHandle, type LeaseOptions, type LeaseStore, PROCESS_HOLDER } from './lease.js';",
    "export { memoryLeaseStore } from './memory-lease.js';",
    '',
    `/** Opens the ${kind} lease store: ${kind === 'memory' ? 'this process only, so run one instance' : 'shared by every instance of the bot'}. */`,
    `export async function openLeaseStore(${kind === 'memory' ? '_env' : 'env'}: NodeJS.ProcessEnv = process.env): Promise<LeaseStore> {`,
    ...OPEN[kind],
    '}',
    '',
    'let shared: Promise<LeaseStore> | undefined;',
    '',
    '/** The process-wide lease store, opened on first use; pollers and schedules share it. */',
    'export function leaseStore(env: NodeJS.ProcessEnv = process.env): Promise<LeaseStore> {',
    '  shared ??= openLeaseStore(env);',
    '  return shared;',
    '}',
    '',
    '/** Closes the shared store; src/index.ts calls it once every holder has released its lease. */',
    'export async function closeLeaseStore(): Promise<void> {',
    '  const store = shared;',
    '  shared = undefined;',
    '  if (store) await (await store).close();',
    '}',
    '',
  ].join('\n');
}

const STORE_TEXT: Record<SessionStoreKind, string> = {
  memory:
    'This project has no shared store, so its leases live in process memory: **run a single instance**. Two instances would both poll Telegram (409 conflicts), both answer X mentions and both send every scheduled post. Choose the Redis or PostgreSQL session store to make a second instance safe.',
  redis:
    'Leases live in Redis (`REDIS_URL`): `SET key holder NX PX ttl` takes one, a compare-and-expire script renews it, a compare-and-delete script releases it.',
  postgres:
    'Leases live in PostgreSQL (`DATABASE_URL`), in the `bot_leases` table created on start: one upsert takes a free or expired row, deleting it releases it.',
};

function leaseFiles(kind: SessionStoreKind): GeneratedFile[] {
  return [
    { path: 'src/lease/index.ts', content: leaseIndex(kind) },
    { path: 'src/lease/lease.ts', content: LEASE },
    { path: 'src/lease/memory-lease.ts', content: MEMORY_LEASE },
    ...(kind === 'redis' ? [{ path: 'src/lease/redis-lease.ts', content: REDIS_LEASE }] : []),
    ...(kind === 'postgres'
      ? [{ path: 'src/lease/postgres-lease.ts', content: POSTGRES_LEASE }]
      : []),
    { path: 'test/lease.test.ts', content: leaseTest(kind) },
  ];
}

/**
 * Leases for what must happen on one instance (Telegram long polling, X mentions polling,
 * scheduled posts): one `LeaseStore` interface, in Redis or PostgreSQL when the project stores
 * sessions there, otherwise in memory with "run a single instance" in the README.
 */
export const leaseModule: GeneratorModule = {
  id: 'lease',
  label: 'Single-instance leases',
  enabled: needsLease,
  contribute: (config) => {
    const kind = leaseKind(config);
    return {
      files: leaseFiles(kind),
      closers: [{ module: 'lease/index', exportName: 'closeLeaseStore' }],
      readme: [
        {
          order: 59,
          title: 'One instance',
          body: [
            'Telegram long polling, X mentions polling and scheduled posts must each run on one instance, or users get every answer and post twice. Each takes a named lease before it runs (`src/lease/`): the holder renews it every 10 s, a second instance waits in standby (`/health` says so) and takes over within 30 s when the holder stops or crashes, at once when it shuts down cleanly.',
            STORE_TEXT[kind],
          ].join(' '),
        },
      ],
    };
  },
};
