import type { GeneratedFile } from '../../types';

const SESSION_STORE = `/** One turn of a conversation, as AI replies remember it. */
export interface ChatTurn {
  role: 'user' | 'assistant';
  content: string;
}

/** What the bot remembers about one conversation. */
export interface Session {
  /** Messages received in this conversation since it started or was reset. */
  messageCount: number;
  /** The last free-text message, so replies can refer back to it. */
  lastMessage?: string;
  /** When the conversation started, in milliseconds since the epoch. */
  startedAt: number;
  /** Recent turns for AI replies, oldest first. */
  history?: ChatTurn[];
}

/** What the bot remembers about one user across conversations (persistence feature). */
export interface UserPreferences {
  /** The reply language the user chose with /lang. */
  locale?: string;
  firstSeenAt: number;
  lastSeenAt: number;
  messageCount: number;
}

/**
 * Where sessions (and, in another namespace, user preferences) live. Methods are async so a
 * Redis or PostgreSQL store can replace the in-memory one without touching the bot core.
 * Implementations forget a value once it has not been written for its time-to-live.
 */
export interface SessionStore<T = Session> {
  get(id: string): Promise<T | undefined>;
  set(id: string, value: T): Promise<void>;
  delete(id: string): Promise<void>;
  /**
   * Replaces the value with fn(current) atomically: no write by another caller (another message
   * of the same conversation, or another instance) lands between the read and the write, so
   * concurrent updates never lose one another. fn may run more than once, so it must be pure.
   * Returns the value written.
   */
  update(id: string, fn: (current: T | undefined) => T): Promise<T>;
}
`;

/**
 * `src/sessions/session-store.ts`: the store contract the core depends on, present even
 * without conversation memory so a store can be added later without touching the core.
 */
export function sessionContractFiles(): GeneratedFile[] {
  return [{ path: 'src/sessions/session-store.ts', content: SESSION_STORE }];
}
