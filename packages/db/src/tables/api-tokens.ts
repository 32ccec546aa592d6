import type { ColumnType, Insertable, Selectable, Updateable } from 'kysely';

/**
 * A personal API token for the SDK. The token handed out once is `bsm_<id>_<secret>`; only
 * the id and a SHA-256 hash of the secret are stored.
 */
export interface ApiTokensTable {
  id: string;
  userId: string;
  name: string;
  secretHash: Uint8Array;
  createdAt: ColumnType<Date, Date | undefined, never>;
  /** Updated at most once a minute while the token is used. */
  lastUsedAt: Date | null;
  /** `null`: valid until revoked. */
  expiresAt: ColumnType<Date | null, Date | null | undefined, never>;
}

export type ApiToken = Selectable<ApiTokensTable>;
export type NewApiToken = Insertable<ApiTokensTable>;
export type ApiTokenUpdate = Updateable<ApiTokensTable>;
