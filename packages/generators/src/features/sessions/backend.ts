import type { SessionStoreKind } from './store-kind';

/** `src/sessions/backend.ts`: a connection that hands out stores, plus the in-memory one. */
export const BACKEND = `import { MemorySessionStore } from './memory-store.js';
import type { SessionStore } from './session-store.js';

/**
 * One connection to where sessions live. Each store() is a view with its own namespace and
 * TTL (conversations, user preferences) sharing that connection.
 */
export interface SessionBackend {
  store<T>(namespace: string, ttlSeconds: number): SessionStore<T>;
  close(): Promise<void>;
}

/** In-process stores, pruned every minute so expired sessions do not pile up. */
export function memoryBackend(): SessionBackend {
  const stores: MemorySessionStore<unknown>[] = [];
  const prune = setInterval(() => {
    for (const store of stores) store.prune();
  }, 60_000);
  prune.unref();
  return {
    store<T>(_namespace: string, ttlSeconds: number) {
      const store = new MemorySessionStore<T>({ ttlSeconds });
      stores.push(store as MemorySessionStore<unknown>);
      return store;
    },
    close: async () => clearInterval(prune),
  };
}
`;

const OPEN: Record<SessionStoreKind, string[]> = {
  memory: ['  return memoryBackend();'],
  redis: [
    '  const url = env.REDIS_URL;',
    "  if (!url) throw new Error('Set REDIS_URL (see .env.example): sessions are stored in Redis.');",
    '  return connectRedis(url, BOT_ID);',
  ],
  postgres: [
    '  const url = env.DATABASE_URL;',
    "  if (!url) throw new Error('Set DATABASE_URL (see .env.example): sessions are stored in PostgreSQL.');",
    '  return connectPostgres(url, BOT_ID);',
  ],
};

const IMPORTS: Record<SessionStoreKind, string[]> = {
  memory: [],
  redis: ["import { connectRedis } from './redis-store.js';"],
  postgres: ["import { connectPostgres } from './postgres-store.js';"],
};

/** `src/sessions/index.ts`: opens the store chosen in the wizard and reads the session TTL. */
export function sessionsIndex(kind: SessionStoreKind, ttlSeconds: number): string {
  const botId = kind === 'memory' ? [] : ["import { BOT_ID } from '../config.js';"];
  return [
    ...botId,
    "import { envNumbers } from '../env.js';",
    kind === 'memory'
      ? "import { type SessionBackend, memoryBackend } from './backend.js';"
      : "import type { SessionBackend } from './backend.js';",
    ...IMPORTS[kind],
    '',
    "export { type SessionBackend, memoryBackend } from './backend.js';",
    "export { MemorySessionStore } from './memory-store.js';",
    "export type { ChatTurn, Session, SessionStore, UserPreferences } from './session-store.js';",
    '',
    `/** How long a conversation is remembered without activity: SESSION_TTL_SECONDS, default ${ttlSeconds} (src/env.ts parses it). */`,
    'export function readSessionTtlSeconds(env: NodeJS.ProcessEnv = process.env): number {',
    '  return envNumbers(env).SESSION_TTL_SECONDS;',
    '}',
    '',
    `/** Opens the ${kind} session backend chosen when the project was generated. */`,
    `export async function openSessionBackend(${kind === 'memory' ? '_env' : 'env'}: NodeJS.ProcessEnv = process.env): Promise<SessionBackend> {`,
    ...OPEN[kind],
    '}',
    '',
  ].join('\n');
}
