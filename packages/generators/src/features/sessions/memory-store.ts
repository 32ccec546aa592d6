/** `src/sessions/memory-store.ts`: the in-process store with a sliding TTL. */
export const MEMORY_STORE = `import type { Session, SessionStore } from './session-store.js';

export interface MemorySessionStoreOptions {
  /** Seconds without a write after which a value is forgotten. */
  ttlSeconds: number;
  /** Upper bound on stored values, so a flood of new conversations cannot exhaust memory. */
  maxEntries?: number;
}

interface Entry<T> {
  value: T;
  expiresAt: number;
}

/**
 * Keeps values in process memory with a sliding time-to-live. Simple and fast, but lost on
 * restart and not shared between instances: use the Redis or PostgreSQL store for that.
 */
export class MemorySessionStore<T = Session> implements SessionStore<T> {
  readonly #entries = new Map<string, Entry<T>>();
  readonly #ttlMs: number;
  readonly #maxEntries: number;

  constructor({ ttlSeconds, maxEntries = 10_000 }: MemorySessionStoreOptions) {
    if (!Number.isFinite(ttlSeconds) || ttlSeconds <= 0) {
      throw new RangeError('ttlSeconds must be a positive number');
    }
    this.#ttlMs = ttlSeconds * 1000;
    this.#maxEntries = maxEntries;
  }

  async get(id: string): Promise<T | undefined> {
    return this.#read(id);
  }

  async set(id: string, value: T): Promise<void> {
    this.#write(id, value);
  }

  async delete(id: string): Promise<void> {
    this.#entries.delete(id);
  }

  /**
   * Atomic because fn is synchronous and nothing is awaited between the read and the write (both
   * synchronous): in one process no other update of the key can run in between. (Instances do not share memory.)
   */
  async update(id: string, fn: (current: T | undefined) => T): Promise<T> {
    const value = fn(this.#read(id));
    this.#write(id, value);
    return structuredClone(value);
  }

  #read(id: string): T | undefined {
    const entry = this.#entries.get(id);
    if (!entry) return undefined;
    if (entry.expiresAt <= Date.now()) {
      this.#entries.delete(id);
      return undefined;
    }
    // A copy, so callers cannot change the stored value without calling set().
    return structuredClone(entry.value);
  }

  #write(id: string, value: T): void {
    // Deleting first moves the key to the end: the Map then iterates least recently written first.
    this.#entries.delete(id);
    this.#entries.set(id, { value: structuredClone(value), expiresAt: Date.now() + this.#ttlMs });
    if (this.#entries.size > this.#maxEntries) this.prune();
  }

  /** Drops expired values, then the least recently written ones beyond maxEntries. */
  prune(): void {
    const now = Date.now();
    for (const [id, entry] of this.#entries) {
      if (entry.expiresAt <= now) this.#entries.delete(id);
    }
    for (const id of this.#entries.keys()) {
      if (this.#entries.size <= this.#maxEntries) break;
      this.#entries.delete(id);
    }
  }

  /** How many values are held, expired ones included until they are pruned. */
  get size(): number {
    return this.#entries.size;
  }
}
`;

/** `test/memory-store.test.ts`: TTL, copies and bounds of the in-memory store, on fake timers. */
export const MEMORY_STORE_TEST = `import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MemorySessionStore } from '../src/sessions/memory-store.js';

describe('MemorySessionStore', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const session = { messageCount: 1, startedAt: 0 };

  it('returns a session until its TTL passes', async () => {
    const store = new MemorySessionStore({ ttlSeconds: 60 });
    await store.set('c1', session);
    vi.advanceTimersByTime(59_999);
    expect(await store.get('c1')).toEqual(session);
    vi.advanceTimersByTime(1);
    expect(await store.get('c1')).toBeUndefined();
  });

  it('slides the TTL forward on every write', async () => {
    const store = new MemorySessionStore({ ttlSeconds: 60 });
    await store.set('c1', session);
    vi.advanceTimersByTime(50_000);
    await store.set('c1', { ...session, messageCount: 2 });
    vi.advanceTimersByTime(50_000);
    expect((await store.get('c1'))?.messageCount).toBe(2);
  });

  it('returns copies, so callers cannot change stored sessions by accident', async () => {
    const store = new MemorySessionStore({ ttlSeconds: 60 });
    await store.set('c1', session);
    const copy = await store.get('c1');
    if (copy) copy.messageCount = 99;
    expect((await store.get('c1'))?.messageCount).toBe(1);
  });

  it('drops expired and then the oldest sessions beyond maxEntries', async () => {
    const store = new MemorySessionStore({ ttlSeconds: 60, maxEntries: 2 });
    await store.set('old', session);
    vi.advanceTimersByTime(61_000);
    await store.set('a', session);
    await store.set('b', session);
    expect(store.size).toBe(2);
    await store.set('c', session);
    expect(store.size).toBe(2);
    expect(await store.get('a')).toBeUndefined();
    expect(await store.get('c')).toEqual(session);
  });

  it('rejects a TTL that is not positive', () => {
    expect(() => new MemorySessionStore({ ttlSeconds: 0 })).toThrow(RangeError);
  });
});
`;
