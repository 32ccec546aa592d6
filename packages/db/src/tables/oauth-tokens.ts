import type { ColumnType, Insertable, Selectable, Updateable } from 'kysely';

/**
 * A user's GitHub access token, encrypted at rest (AES-256-GCM, SPEC §6). The plaintext never
 * reaches the database; `keyId` names the key that sealed it, so keys can rotate.
 */
export interface OAuthTokensTable {
  userId: string;
  /** Nonce, ciphertext and tag as produced by the API's cipher. */
  accessTokenCiphertext: Uint8Array;
  keyId: string;
  /** The scopes GitHub granted, e.g. `['repo', 'workflow']`. */
  scopes: string[];
  createdAt: ColumnType<Date, Date | undefined, never>;
  updatedAt: ColumnType<Date, Date | undefined, Date>;
}

export type OAuthToken = Selectable<OAuthTokensTable>;
export type NewOAuthToken = Insertable<OAuthTokensTable>;
export type OAuthTokenUpdate = Updateable<OAuthTokensTable>;
