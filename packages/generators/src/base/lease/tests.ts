import type { SessionStoreKind } from '../../features/sessions/store-kind';

const CONTRACT = `
/** Behaviour every lease store must have; each run uses fresh lease names. */
function describeLeaseStore(name: string, open: () => Promise<LeaseStore>, enabled = true): void {
  describe.skipIf(!enabled)(name + ' lease store', () => {
    let store: LeaseStore;
    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      await store?.close();
    });

    it('lets one of two holders acquire, and the holder renew', async () => {
      const lease = 'test-' + randomUUID();
      expect(await store.acquire(lease, 'a', 10_000)).toBe(true);
      expect(await store.acquire(lease, 'b', 10_000)).toBe(false);
      expect(await store.acquire(lease, 'a', 10_000)).toBe(true);
    });

    it('passes to the other holder on release, and only the holder can release', async () => {
      const lease = 'test-' + randomUUID();
      await store.acquire(lease, 'a', 10_000);
      await store.release(lease, 'b');
      expect(await store.acquire(lease, 'b', 10_000)).toBe(false);
      await store.release(lease, 'a');
      expect(await store.acquire(lease, 'b', 10_000)).toBe(true);
    });

    it('lets the other holder take over once the lease expires', async () => {
      const lease = 'test-' + randomUUID();
      expect(await store.acquire(lease, 'a', 300)).toBe(true);
      expect(await store.acquire(lease, 'b', 300)).toBe(false);
      await expect.poll(() => store.acquire(lease, 'b', 300), { timeout: 3_000, interval: 100 }).toBe(true);
      expect(await store.acquire(lease, 'a', 300)).toBe(false);
    });
  });
}
`;

const HOLDER_TEST = `
describe('holdLease', () => {
  it('runs on one holder at a time and hands over when it stops', async () => {
    const store = memoryLeaseStore();
    const active = new Set<string>();
    const hold = (holder: string) =>
      holdLease(store, 'poller', { holder, ttlMs: 300, onAcquired: () => active.add(holder), onLost: () => active.delete(holder) });
    const first = hold('first');
    await expect.poll(() => first.held).toBe(true);
    const second = hold('second');
    try {
      expect(second.held).toBe(false);
      expect([...active]).toEqual(['first']);
      await first.stop();
      await expect.poll(() => second.held, { timeout: 2_000 }).toBe(true);
      expect(active.has('second')).toBe(true);
    } finally {
      await first.stop();
      await second.stop();
    }
  });
});
`;

const EXTERNAL: Record<Exclude<SessionStoreKind, 'memory'>, string> = {
  redis: `
// Runs against a real Redis when REDIS_URL is set (CI starts one), like the session store tests.
describeLeaseStore('Redis', () => redisLeaseStore(process.env.REDIS_URL ?? '', 'test:lease:'), Boolean(process.env.REDIS_URL));
`,
  postgres: `
// Runs against a real PostgreSQL when DATABASE_URL is set (CI starts one), like the session store tests.
describeLeaseStore('PostgreSQL', () => postgresLeaseStore(process.env.DATABASE_URL ?? '', 'test:'), Boolean(process.env.DATABASE_URL));
`,
};

/** `test/lease.test.ts`: the store contract on memory and on the project's Redis or PostgreSQL. */
export function leaseTest(kind: SessionStoreKind): string {
  return [
    "import { randomUUID } from 'node:crypto';",
    "import { afterAll, beforeAll, describe, expect, it } from 'vitest';",
    "import { holdLease, type LeaseStore, memoryLeaseStore } from '../src/lease/index.js';",
    ...(kind === 'postgres'
      ? ["import { postgresLeaseStore } from '../src/lease/postgres-lease.js';"]
      : []),
    ...(kind === 'redis' ? ["import { redisLeaseStore } from '../src/lease/redis-lease.js';"] : []),
    CONTRACT,
    "describeLeaseStore('In-memory', async () => memoryLeaseStore());",
    kind === 'memory' ? '' : EXTERNAL[kind],
    HOLDER_TEST,
  ].join('\n');
}
