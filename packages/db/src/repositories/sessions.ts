import type { Kysely } from 'kysely';
import type { Database } from '../database';
import type { NewSession, Session } from '../tables/sessions';
import type { User } from '../tables/users';

// Sessions are found by their id, which is half of a token only its holder knows; the API
// checks the other half (the secret) before trusting the row. Deleting by id is therefore
// scoped to whoever proved they hold the token.

/** Stores a new session (the API has already hashed its secret). */
export async function insertSession(db: Kysely<Database>, session: NewSession): Promise<Session> {
  return db.insertInto('sessions').values(session).returningAll().executeTakeFirstOrThrow();
}

/** The session with this id and its user, or `undefined`. Expiry is the caller's to check. */
export async function findSessionWithUser(
  db: Kysely<Database>,
  sessionId: string,
): Promise<{ session: Session; user: User } | undefined> {
  const session = await db
    .selectFrom('sessions')
    .selectAll()
    .where('id', '=', sessionId)
    .executeTakeFirst();
  if (!session) return undefined;
  const user = await db
    .selectFrom('users')
    .selectAll()
    .where('id', '=', session.userId)
    .executeTakeFirst();
  return user ? { session, user } : undefined;
}

/** Moves a session's sliding expiry and last-seen time (never past its absolute expiry). */
export async function touchSession(
  db: Kysely<Database>,
  sessionId: string,
  times: { expiresAt: Date; lastSeenAt: Date },
): Promise<void> {
  await db.updateTable('sessions').set(times).where('id', '=', sessionId).execute();
}

/** Deletes one session (sign-out, or an expired one found while validating). */
export async function deleteSession(db: Kysely<Database>, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

/** Deletes every session of a user ("sign out everywhere"); returns how many there were. */
export async function deleteUserSessions(db: Kysely<Database>, userId: string): Promise<number> {
  const result = await db.deleteFrom('sessions').where('userId', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Removes sessions past either expiry; returns how many. */
export async function deleteExpiredSessions(db: Kysely<Database>, now: Date): Promise<number> {
  const result = await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expiresAt', '<=', now), eb('absoluteExpiresAt', '<=', now)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
