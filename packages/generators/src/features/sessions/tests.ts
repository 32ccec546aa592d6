import type { GeneratedFile } from '../../types';
import type { SessionStoreKind } from './store-kind';

/** `test/session-store-contract.ts`: behaviour every store must have, shared by their tests. */
const CONTRACT = `import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBot } from '../src/core/index.js';
import type { SessionBackend } from '../src/sessions/index.js';
import type { Session } from '../src/sessions/session-store.js';

const session = { messageCount: 2, startedAt: 1_700_000_000_000, lastMessage: 'hi "there"' };

/** Runs the store contract against a backend; each run uses fresh namespaces. */
export function describeSessionStore(name: string, open: () => Promise<SessionBackend>): void {
  describe(name + ' session store', () => {
    let backend: SessionBackend;
    const namespace = 'test-' + randomUUID();
    beforeAll(async () => {
      backend = await open();
    });
    afterAll(async () => {
      await backend?.close();
    });

    it('stores, overwrites and deletes values', async () => {
      const store = backend.store<typeof session>(namespace, 60);
      expect(await store.get('c1')).toBeUndefined();
      await store.set('c1', session);
      expect(await store.get('c1')).toEqual(session);
      await store.set('c1', { ...session, messageCount: 3 });
      expect((await store.get('c1'))?.messageCount).toBe(3);
      await store.delete('c1');
      expect(await store.get('c1')).toBeUndefined();
    });

    it('keeps namespaces apart', async () => {
      const sessions = backend.store<typeof session>(namespace + '-a', 60);
      const preferences = backend.store<{ locale: string }>(namespace + '-b', 60);
      await sessions.set('same-id', session);
      await preferences.set('same-id', { locale: 'es' });
      expect(await sessions.get('same-id')).toEqual(session);
      expect(await preferences.get('same-id')).toEqual({ locale: 'es' });
    });

    it('applies concurrent updates of one key atomically', async () => {
      const store = backend.store<{ n: number }>(namespace + '-update', 60);
      await Promise.all(Array.from({ length: 8 }, () => store.update('c1', (current) => ({ n: (current?.n ?? 0) + 1 }))));
      expect(await store.get('c1')).toEqual({ n: 8 });
    });

    it('counts 8 messages sent at once in one conversation', async () => {
      const sessions = backend.store<Session>(namespace + '-bot', 60);
      const bot = createBot({ info: { name: 'Test', description: 'Test bot.' }, sessions });
      const message = (n: number) => ({ platform: 'test', conversationId: 'same', userId: 'u1', userName: 'Ada', text: 'hello ' + n });
      await Promise.all(Array.from({ length: 8 }, (_, n) => bot.handleMessage(message(n))));
      expect((await sessions.get('same'))?.messageCount).toBe(8);
    });

    it('forgets a value once its TTL has passed', async () => {
      const store = backend.store<typeof session>(namespace + '-ttl', 1);
      await store.set('c1', session);
      expect(await store.get('c1')).toEqual(session);
      await new Promise((resolve) => setTimeout(resolve, 1_300));
      expect(await store.get('c1')).toBeUndefined();
    });
  });
}
`;

const MEMORY_BACKEND_TEST = `import { memoryBackend, readSessionTtlSeconds } from '../src/sessions/index.js';
import { describe, expect, it } from 'vitest';
import { describeSessionStore } from './session-store-contract.js';

describeSessionStore('In-memory', async () => memoryBackend());

describe('readSessionTtlSeconds', () => {
  it('reads SESSION_TTL_SECONDS and rejects nonsense', () => {
    expect(readSessionTtlSeconds({ SESSION_TTL_SECONDS: '120' })).toBe(120);
    expect(() => readSessionTtlSeconds({ SESSION_TTL_SECONDS: 'soon' })).toThrow(/SESSION_TTL_SECONDS/);
    expect(readSessionTtlSeconds({})).toBeGreaterThan(0);
  });
});
`;

const EXTERNAL_TEST: Record<Exclude<SessionStoreKind, 'memory'>, string> = {
  redis: `import { describe, it } from 'vitest';
import { connectRedis } from '../src/sessions/redis-store.js';
import { describeSessionStore } from './session-store-contract.js';

// Runs against a real Redis when REDIS_URL is set (CI provides one), and is skipped otherwise.
const url = process.env.REDIS_URL;
if (url) describeSessionStore('Redis', () => connectRedis(url, 'test-bot'));
else describe.skip('Redis session store (set REDIS_URL to run)', () => it('needs Redis'));
`,
  postgres: `import { Pool } from 'pg';
import { describe, expect, it } from 'vitest';
import { connectPostgres } from '../src/sessions/postgres-store.js';
import { describeSessionStore } from './session-store-contract.js';

// Runs against a real PostgreSQL when DATABASE_URL is set (CI provides one), skipped otherwise.
const url = process.env.DATABASE_URL;
if (url) {
  describeSessionStore('PostgreSQL', () => connectPostgres(url, 'test-bot'));

  describe('PostgreSQL expiry sweep', () => {
    it('deletes expired rows in the background', async () => {
      const backend = await connectPostgres(url, 'test-sweep', { cleanupIntervalMs: 200 });
      const pool = new Pool({ connectionString: url, max: 1 });
      const namespace = 'sweep-' + Date.now();
      const rows = async () =>
        (await pool.query('SELECT id FROM bot_sessions WHERE namespace = $1', ['test-sweep:' + namespace])).rowCount;
      try {
        await backend.store<{ n: number }>(namespace, 1).set('x', { n: 1 });
        expect(await rows()).toBe(1);
        await new Promise((resolve) => setTimeout(resolve, 1_600));
        expect(await rows()).toBe(0);
      } finally {
        await backend.close();
        await pool.end();
      }
    });
  });
} else {
  describe.skip('PostgreSQL session store (set DATABASE_URL to run)', () => it('needs PostgreSQL'));
}
`,
};

/** The generated session tests: the shared contract, the memory store and the chosen store. */
export function sessionTestFiles(kind: SessionStoreKind): GeneratedFile[] {
  const files: GeneratedFile[] = [
    { path: 'test/session-store-contract.ts', content: CONTRACT },
    { path: 'test/sessions.test.ts', content: MEMORY_BACKEND_TEST },
  ];
  if (kind !== 'memory')
    files.push({ path: `test/${kind}-store.test.ts`, content: EXTERNAL_TEST[kind] });
  return files;
}
