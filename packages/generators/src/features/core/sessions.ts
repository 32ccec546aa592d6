import type { GeneratedFile } from '../../types';

const SESSION_STORE = `/** What the bot remembers about one conversation. */
export interface Session {
  /** Messages received in this conversation since it started or was reset. */
  messageCount: number;
  /** The last free-text message, so replies can refer back to it. */
  lastMessage?: string;
  /** When the conversation started, in milliseconds since the epoch. */
  startedAt: number;
}

/**
 * Where conversation sessions live. Methods are async so a Redis or PostgreSQL store can
 * replace the in-memory one without touching the bot core. Implementations forget a session
 * once it has not been written for its time-to-live.
 */
export interface SessionStore {
  get(conversationId: string): Promise<Session | undefined>;
  set(conversationId: string, session: Session): Promise<void>;
  delete(conversationId: string): Promise<void>;
}
`;

const MEMORY_STORE = `import type { Session, SessionStore } from './session-store.js';

export interface MemorySessionStoreOptions {
  /** Seconds without activity after which a session is forgotten. */
  ttlSeconds: number;
  /** Upper bound on stored sessions, so a flood of new conversations cannot exhaust memory. */
  maxEntries?: number;
}

interface Entry {
  session: Session;
  expiresAt: number;
}

/**
 * Keeps sessions in process memory with a sliding time-to-live. Simple and fast, but sessions
 * are lost on restart and not shared between instances: use an external store for that.
 */
export class MemorySessionStore implements SessionStore {
  readonly #entries = new Map<string, Entry>();
  readonly #ttlMs: number;
  readonly #maxEntries: number;

  constructor({ ttlSeconds, maxEntries = 10_000 }: MemorySessionStoreOptions) {
    if (!Number.isFinite(ttlSeconds) || ttlSeconds <= 0) {
      throw new RangeError('ttlSeconds must be a positive number');
    }
    this.#ttlMs = ttlSeconds * 1000;
    this.#maxEntries = maxEntries;
  }

  async get(conversationId: string): Promise<Session | undefined> {
    const entry = this.#entries.get(conversationId);
    if (!entry) return undefined;
    if (entry.expiresAt <= Date.now()) {
      this.#entries.delete(conversationId);
      return undefined;
    }
    // A copy, so callers cannot change the stored session without calling set().
    return structuredClone(entry.session);
  }

  async set(conversationId: string, session: Session): Promise<void> {
    // Deleting first moves the key to the end: the Map then iterates least recently written first.
    this.#entries.delete(conversationId);
    this.#entries.set(conversationId, {
      session: structuredClone(session),
      expiresAt: Date.now() + this.#ttlMs,
    });
    if (this.#entries.size > this.#maxEntries) this.prune();
  }

  async delete(conversationId: string): Promise<void> {
    this.#entries.delete(conversationId);
  }

  /** Drops expired sessions, then the least recently written ones beyond maxEntries. */
  prune(): void {
    const now = Date.now();
    for (const [conversationId, entry] of this.#entries) {
      if (entry.expiresAt <= now) this.#entries.delete(conversationId);
    }
    for (const conversationId of this.#entries.keys()) {
      if (this.#entries.size <= this.#maxEntries) break;
      this.#entries.delete(conversationId);
    }
  }

  /** How many sessions are held, expired ones included until they are pruned. */
  get size(): number {
    return this.#entries.size;
  }
}
`;

const SESSIONS_INDEX = `import { MemorySessionStore } from './memory-store.js';
import type { SessionStore } from './session-store.js';

export { MemorySessionStore } from './memory-store.js';
export type { Session, SessionStore } from './session-store.js';

/** Creates the session store chosen when the project was generated. */
export function createSessionStore({ ttlSeconds }: { ttlSeconds: number }): SessionStore {
  return new MemorySessionStore({ ttlSeconds });
}
`;

/** `src/sessions/`: the store interface and the in-memory store with a sliding TTL. */
export function sessionFiles(): GeneratedFile[] {
  return [
    { path: 'src/sessions/index.ts', content: SESSIONS_INDEX },
    { path: 'src/sessions/memory-store.ts', content: MEMORY_STORE },
    { path: 'src/sessions/session-store.ts', content: SESSION_STORE },
  ];
}
