/** `src/platforms/webchat-ai-budget.ts`: AI model calls per client address per UTC day. */
export const WEBCHAT_AI_BUDGET = `const DAY_MS = 24 * 3600 * 1000;

export interface DailyBudgetOptions {
  /** Model calls one key may cause per UTC day. */
  perDay: number;
  /** Upper bound on tracked keys, so a flood of new addresses cannot exhaust memory. */
  maxKeys?: number;
  now?: () => number;
}

interface Spent {
  /** Days since 1970-01-01 (UTC) the count belongs to. */
  day: number;
  count: number;
}

/**
 * How many AI model calls each key (a client address) has caused today, UTC, in memory: a
 * budget is per process and starts afresh at midnight UTC. Beyond maxKeys the least recently
 * seen key is forgotten and starts afresh too; an attacker would need that many addresses.
 */
export class DailyBudget {
  readonly #spent = new Map<string, Spent>();
  readonly #perDay: number;
  readonly #maxKeys: number;
  readonly #now: () => number;

  constructor({ perDay, maxKeys = 10_000, now = Date.now }: DailyBudgetOptions) {
    if (!Number.isInteger(perDay) || perDay < 0) throw new RangeError('perDay must be a whole number, 0 or more');
    this.#perDay = perDay;
    this.#maxKeys = maxKeys;
    this.#now = now;
  }

  /** Spends one call for key: true when today's budget had one left. Synchronous, so concurrent messages cannot overspend. */
  take(key: string): boolean {
    const day = Math.floor(this.#now() / DAY_MS);
    const previous = this.#spent.get(key);
    const count = previous?.day === day ? previous.count : 0;
    const allowed = count < this.#perDay;
    // Re-inserting keeps the Map in least-recently-used order for eviction.
    this.#spent.delete(key);
    this.#spent.set(key, { day, count: allowed ? count + 1 : count });
    if (this.#spent.size > this.#maxKeys) {
      const oldest = this.#spent.keys().next().value;
      if (oldest !== undefined) this.#spent.delete(oldest);
    }
    return allowed;
  }
}
`;
