import {
  type Db,
  deleteSession,
  deleteUserSessions,
  findSessionWithUser,
  insertSession,
  type Session,
  touchSession,
  type User,
} from '@botsmith/db';
import {
  BASE32_LOWER,
  generateId,
  generateSecret,
  hashSecret,
  secretMatches,
} from '../crypto/random-token';
import {
  SESSION_ABSOLUTE_LIFETIME_MS,
  SESSION_LAST_SEEN_RESOLUTION_MS,
  SESSION_REFRESH_THRESHOLD_MS,
  slidingExpiry,
} from './session-lifetime';

// Sessions after the Lucia guide (https://lucia-auth.com/sessions/basic): the token is
// `<id>.<secret>`, the id finds the row, and only SHA-256(secret) is stored and compared in
// constant time, so neither a database leak nor a timing side channel yields a usable token.

/** A validated session and its user. `refreshed`: the expiry moved, so re-send the cookie. */
export interface ValidSession {
  session: Session;
  user: User;
  refreshed: boolean;
}

/**
 * Starts a session for `userId` and returns the token for the cookie (shown nowhere else).
 *
 * @example const { token, session } = await createSession(trx, user.id);
 */
export async function createSession(
  db: Db,
  userId: string,
  now = new Date(),
): Promise<{ token: string; session: Session }> {
  const id = generateId();
  const secret = generateSecret();
  const absoluteExpiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_LIFETIME_MS);
  const session = await insertSession(db, {
    id,
    userId,
    secretHash: hashSecret(secret),
    createdAt: now,
    lastSeenAt: now,
    expiresAt: slidingExpiry(now, absoluteExpiresAt),
    absoluteExpiresAt,
  });
  return { token: `${id}.${secret}`, session };
}

/** Splits a token into id and secret, or `null` when it cannot be one of ours. */
export function parseSessionToken(token: string): { id: string; secret: string } | null {
  const [id, secret, extra] = token.split('.');
  if (!id || !secret || extra !== undefined) return null;
  if (id.length > 64 || secret.length > 128) return null;
  return BASE32_LOWER.test(id) && BASE32_LOWER.test(secret) ? { id, secret } : null;
}

/**
 * The session a token belongs to, or `null` when it is malformed, unknown, forged, expired
 * (idle or absolute) or signed out. Expired sessions are deleted on sight. A used session's
 * expiry slides forward once half of the idle timeout has passed.
 */
export async function validateSessionToken(
  db: Db,
  token: string,
  now = new Date(),
): Promise<ValidSession | null> {
  const parsed = parseSessionToken(token);
  if (!parsed) return null;
  const found = await findSessionWithUser(db, parsed.id);
  if (!found || !secretMatches(parsed.secret, found.session.secretHash)) return null;
  const { session, user } = found;
  if (now >= session.expiresAt || now >= session.absoluteExpiresAt) {
    await deleteSession(db, session.id);
    return null;
  }
  const refreshed = session.expiresAt.getTime() - now.getTime() < SESSION_REFRESH_THRESHOLD_MS;
  const stale = now.getTime() - session.lastSeenAt.getTime() >= SESSION_LAST_SEEN_RESOLUTION_MS;
  if (!refreshed && !stale) return { session, user, refreshed: false };
  const expiresAt = refreshed ? slidingExpiry(now, session.absoluteExpiresAt) : session.expiresAt;
  await touchSession(db, session.id, { expiresAt, lastSeenAt: now });
  return { session: { ...session, expiresAt, lastSeenAt: now }, user, refreshed };
}

/** Ends one session (sign-out, or rotation at the next sign-in). */
export function invalidateSession(db: Db, sessionId: string): Promise<void> {
  return deleteSession(db, sessionId);
}

/** Ends every session of a user ("sign out everywhere"); returns how many ended. */
export function invalidateUserSessions(db: Db, userId: string): Promise<number> {
  return deleteUserSessions(db, userId);
}
