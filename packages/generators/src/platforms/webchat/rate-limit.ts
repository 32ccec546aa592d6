/** `src/platforms/webchat-rate-limit.ts`: an in-memory token bucket per client. */
export const WEBCHAT_RATE_LIMIT = `export interface RateLimiterOptions {
  /** Messages allowed per minute; also the burst size. */
  perMinute: number;
  /** Upper bound on tracked clients, so a flood of new keys cannot exhaust memory. */
  maxKeys?: number;
  now?: () => number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/** The outcome of take(): allowed, or how long to wait. */
export type RateLimitResult = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * A token bucket per key: each key may burst up to perMinute requests, then gets one more
 * every 60 / perMinute seconds. In memory, so limits are per process; use a shared store
 * such as Redis when running several instances.
 */
export class RateLimiter {
  readonly #buckets = new Map<string, Bucket>();
  readonly #perMs: number;
  readonly #capacity: number;
  readonly #maxKeys: number;
  readonly #now: () => number;

  constructor({ perMinute, maxKeys = 10_000, now = Date.now }: RateLimiterOptions) {
    if (!Number.isInteger(perMinute) || perMinute < 1) throw new RangeError('perMinute must be a positive whole number');
    this.#capacity = perMinute;
    this.#perMs = perMinute / 60_000;
    this.#maxKeys = maxKeys;
    this.#now = now;
  }

  /** Takes one token for key, if there is one. */
  take(key: string): RateLimitResult {
    const now = this.#now();
    const bucket = this.#buckets.get(key) ?? { tokens: this.#capacity, updatedAt: now };
    const tokens = Math.min(this.#capacity, bucket.tokens + (now - bucket.updatedAt) * this.#perMs);
    // Re-inserting keeps the Map in least-recently-used order for eviction.
    this.#buckets.delete(key);
    if (tokens < 1) {
      this.#buckets.set(key, { tokens, updatedAt: now });
      return { ok: false, retryAfterSeconds: Math.ceil((1 - tokens) / this.#perMs / 1000) };
    }
    this.#buckets.set(key, { tokens: tokens - 1, updatedAt: now });
    if (this.#buckets.size > this.#maxKeys) {
      const oldest = this.#buckets.keys().next().value;
      if (oldest !== undefined) this.#buckets.delete(oldest);
    }
    return { ok: true };
  }
}
`;
