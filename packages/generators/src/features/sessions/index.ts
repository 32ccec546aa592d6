import type { Contribution, EnvVar, FeatureModule, GeneratedFile } from '../../types';
import { BACKEND, sessionsIndex } from './backend';
import { POSTGRES_STORE, REDIS_STORE } from './external-stores';
import { MEMORY_STORE, MEMORY_STORE_TEST } from './memory-store';
import type { SessionStoreKind } from './store-kind';
import { sessionTestFiles } from './tests';

export type { SessionStoreKind };

const STORE_ENV: Record<Exclude<SessionStoreKind, 'memory'>, EnvVar> = {
  redis: {
    name: 'REDIS_URL',
    secret: true,
    description: 'Redis connection URL for sessions, such as redis://localhost:6379.',
    example: 'redis://localhost:6379',
    required: true,
    helpUrl: 'https://redis.io/docs/latest/develop/clients/nodejs/',
  },
  postgres: {
    name: 'DATABASE_URL',
    secret: true,
    description:
      'PostgreSQL connection URL for sessions; the bot_sessions table is created on start.',
    example: 'postgres://postgres@localhost:5432/bot',
    required: true,
    helpUrl: 'https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-CONNSTRING',
  },
};

const STORE_TEXT: Record<SessionStoreKind, string> = {
  memory:
    'Sessions live in process memory (`src/sessions/memory-store.ts`): fast and dependency-free, but lost on restart and not shared between instances.',
  redis:
    'Sessions live in Redis (`src/sessions/redis-store.ts`, the official `redis` client) as JSON with `SET … EX`, so Redis forgets them after the TTL. Set `REDIS_URL`. `npm test` runs the Redis store tests when `REDIS_URL` is set.',
  postgres:
    'Sessions live in PostgreSQL (`src/sessions/postgres-store.ts`, `pg`) in the `bot_sessions` table, created on start if missing. Expired rows are ignored on read and deleted every 10 minutes. Set `DATABASE_URL`. `npm test` runs the PostgreSQL store tests when `DATABASE_URL` is set.',
};

function storeFiles(kind: SessionStoreKind, ttlSeconds: number): GeneratedFile[] {
  const files: GeneratedFile[] = [
    { path: 'src/sessions/backend.ts', content: BACKEND },
    { path: 'src/sessions/index.ts', content: sessionsIndex(kind, ttlSeconds) },
    { path: 'src/sessions/memory-store.ts', content: MEMORY_STORE },
    { path: 'test/memory-store.test.ts', content: MEMORY_STORE_TEST },
  ];
  if (kind === 'redis') files.push({ path: 'src/sessions/redis-store.ts', content: REDIS_STORE });
  if (kind === 'postgres') {
    files.push({ path: 'src/sessions/postgres-store.ts', content: POSTGRES_STORE });
  }
  return [...files, ...sessionTestFiles(kind)];
}

/**
 * Conversation memory: the session backend chosen in the wizard (memory, Redis through the
 * official `redis` client, or PostgreSQL through `pg`) with a sliding TTL, and its tests.
 */
export const sessionsFeature: FeatureModule<'sessions'> = {
  id: 'sessions',
  label: 'Conversation memory',
  contribute: (config): Contribution => {
    const kind = config.sessions.store;
    return {
      files: storeFiles(kind, config.sessions.ttlSeconds),
      dependencies: kind === 'redis' ? ['redis'] : kind === 'postgres' ? ['pg'] : [],
      devDependencies: kind === 'postgres' ? ['@types/pg'] : [],
      envVars: [
        {
          name: 'SESSION_TTL_SECONDS',
          description: `Seconds a conversation is remembered without activity (default ${config.sessions.ttlSeconds}).`,
          required: false,
          integer: { min: 1, default: config.sessions.ttlSeconds },
        },
        ...(kind === 'memory' ? [] : [STORE_ENV[kind]]),
      ],
      readme: [
        {
          order: 56,
          title: 'Conversation memory',
          body: [
            `Each conversation is remembered for ${config.sessions.ttlSeconds} seconds after its last message (\`SESSION_TTL_SECONDS\`).`,
            STORE_TEXT[kind],
            'Every store implements the `SessionStore` interface in `src/sessions/session-store.ts`, so switching stores does not touch the bot core.',
          ].join(' '),
        },
      ],
    };
  },
};
