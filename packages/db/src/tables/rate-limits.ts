import type { Selectable } from 'kysely';

/** A fixed-window request counter, keyed by bucket and client (`auth:ip:203.0.113.9`). */
export interface RateLimitsTable {
  key: string;
  count: number;
  /** When the window ends and the count starts again from zero. */
  resetAt: Date;
}

export type RateLimit = Selectable<RateLimitsTable>;
