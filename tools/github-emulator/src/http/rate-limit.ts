import type { EmulatorState } from '../state';

const WINDOW_MS = 60 * 60 * 1000;

/** Counts a request against its token's (or the anonymous) hourly budget; returns headers. */
export function countRequest(
  state: EmulatorState,
  key: string,
  authenticated: boolean,
): Record<string, string> {
  const limit = authenticated ? 5000 : 60;
  const now = Date.now();
  let bucket = state.rateLimit.get(key);
  if (!bucket || bucket.resetAt <= now) {
    bucket = { used: 0, resetAt: now + WINDOW_MS };
    state.rateLimit.set(key, bucket);
  }
  bucket.used += 1;
  return {
    'x-ratelimit-limit': String(limit),
    'x-ratelimit-remaining': String(Math.max(0, limit - bucket.used)),
    'x-ratelimit-reset': String(Math.floor(bucket.resetAt / 1000)),
    'x-ratelimit-used': String(bucket.used),
    'x-ratelimit-resource': 'core',
  };
}
