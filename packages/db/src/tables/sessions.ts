import type { ColumnType, Insertable, Selectable, Updateable } from 'kysely';

/**
 * A sign-in session (SPEC §3, the Lucia design): the token handed to the browser is
 * `id.secret`; only a SHA-256 hash of the secret is stored.
 */
export interface SessionsTable {
  id: string;
  userId: string;
  secretHash: Uint8Array;
  createdAt: ColumnType<Date, Date | undefined, never>;
  /** Sliding expiry, pushed forward while the session is used. */
  expiresAt: Date;
  /** Hard limit the sliding expiry never passes. */
  absoluteExpiresAt: ColumnType<Date, Date, never>;
  lastSeenAt: ColumnType<Date, Date | undefined, Date>;
}

export type Session = Selectable<SessionsTable>;
export type NewSession = Insertable<SessionsTable>;
export type SessionUpdate = Updateable<SessionsTable>;
