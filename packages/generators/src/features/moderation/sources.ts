/** `src/moderation/word-filter.ts`: whole-word matching of a configurable list. */
export const WORD_FILTER = `import { readFileSync } from 'node:fs';

/** Folds look-alike forms (full-width letters, ligatures) and case, so "ＢＡＤ" matches "bad". */
export function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

function tokens(text: string): string[] {
  return normalize(text).split(/[^\\p{L}\\p{N}]+/u).filter((token) => token !== '');
}

/** Matches whole words and phrases only: blocking "ass" leaves "class" alone. */
export class WordFilter {
  readonly #words = new Set<string>();
  readonly #phrases: string[] = [];

  constructor(list: Iterable<string>) {
    for (const entry of list) {
      const parts = tokens(entry);
      if (parts.length === 1 && parts[0]) this.#words.add(parts[0]);
      else if (parts.length > 1) this.#phrases.push(' ' + parts.join(' ') + ' ');
    }
  }

  /** The first blocked word or phrase in \`text\`, or undefined. */
  find(text: string): string | undefined {
    const words = tokens(text);
    const found = words.find((word) => this.#words.has(word));
    if (found) return found;
    const joined = ' ' + words.join(' ') + ' ';
    return this.#phrases.find((phrase) => joined.includes(phrase))?.trim();
  }

  get size(): number {
    return this.#words.size + this.#phrases.length;
  }
}

/** Entries separated by commas or new lines; lines starting with # are comments. */
export function parseWordList(text: string): string[] {
  return text
    .split(/\\r?\\n/)
    .filter((line) => !line.trim().startsWith('#'))
    .flatMap((line) => line.split(','))
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}

/** The list from BLOCKED_WORDS plus the file named by BLOCKED_WORDS_FILE, read once at start. */
export function readWordList(env: NodeJS.ProcessEnv): string[] {
  const inline = parseWordList(env.BLOCKED_WORDS ?? '');
  const file = env.BLOCKED_WORDS_FILE?.trim();
  return file ? [...inline, ...parseWordList(readFileSync(file, 'utf8'))] : inline;
}
`;

/** `src/moderation/rate-limiter.ts`: a token bucket per user. */
export const RATE_LIMITER = `export interface RateLimiterOptions {
  /** Messages a user may send in a burst. */
  capacity: number;
  /** Tokens added back per minute, up to the capacity. */
  refillPerMinute: number;
  /** Users tracked at most; the least recently active are forgotten first. */
  maxKeys?: number;
  now?: () => number;
}

export interface RateDecision {
  allowed: boolean;
  /** True on the first refusal after allowed messages, so the user is told once, not every time. */
  firstRefusal: boolean;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
  refused: boolean;
}

/** Token buckets in memory: each user starts full, each message costs one token. */
export class RateLimiter {
  readonly #buckets = new Map<string, Bucket>();
  readonly #perMs: number;
  readonly #maxKeys: number;
  readonly #now: () => number;

  constructor(private readonly options: RateLimiterOptions) {
    if (options.capacity < 1 || options.refillPerMinute <= 0) {
      throw new RangeError('capacity must be at least 1 and refillPerMinute positive');
    }
    this.#perMs = options.refillPerMinute / 60_000;
    this.#maxKeys = options.maxKeys ?? 10_000;
    this.#now = options.now ?? Date.now;
  }

  take(key: string): RateDecision {
    const now = this.#now();
    const previous = this.#buckets.get(key);
    const bucket = previous ?? { tokens: this.options.capacity, updatedAt: now, refused: false };
    bucket.tokens = Math.min(this.options.capacity, bucket.tokens + (now - bucket.updatedAt) * this.#perMs);
    bucket.updatedAt = now;
    // Re-inserting keeps the Map ordered by activity, so eviction drops the quietest user.
    this.#buckets.delete(key);
    this.#buckets.set(key, bucket);
    if (this.#buckets.size > this.#maxKeys) {
      const oldest = this.#buckets.keys().next().value;
      if (oldest !== undefined) this.#buckets.delete(oldest);
    }
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      bucket.refused = false;
      return { allowed: true, firstRefusal: false };
    }
    const firstRefusal = !bucket.refused;
    bucket.refused = true;
    return { allowed: false, firstRefusal };
  }
}
`;
