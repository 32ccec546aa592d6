/** How long a session survives without being used (the sliding expiry). */
export const SESSION_IDLE_TIMEOUT_MS = 30 * 24 * 60 * 60 * 1000;
/** How long a session can live at all, however often it is used: then sign in again. */
export const SESSION_ABSOLUTE_LIFETIME_MS = 90 * 24 * 60 * 60 * 1000;
/**
 * A used session's expiry moves forward only once less than this remains (half the idle
 * timeout), so an active user costs one write every ~15 days, not one per request.
 */
export const SESSION_REFRESH_THRESHOLD_MS = SESSION_IDLE_TIMEOUT_MS / 2;
/** `last_seen_at` is written at most this often. */
export const SESSION_LAST_SEEN_RESOLUTION_MS = 5 * 60 * 1000;

/** The expiry a session used at `now` should have, never past its absolute expiry. */
export function slidingExpiry(now: Date, absoluteExpiresAt: Date): Date {
  return new Date(Math.min(now.getTime() + SESSION_IDLE_TIMEOUT_MS, absoluteExpiresAt.getTime()));
}
