import type { Kysely } from 'kysely';
import type { Database } from '../database';
import type { OAuthToken } from '../tables/oauth-tokens';

/** An encrypted access token as the API's cipher produced it. */
export interface SealedOAuthToken {
  accessTokenCiphertext: Uint8Array;
  keyId: string;
  scopes: string[];
}

/** Stores (or replaces) the user's GitHub token. The ciphertext must already be sealed. */
export async function saveOAuthToken(
  db: Kysely<Database>,
  userId: string,
  token: SealedOAuthToken,
): Promise<void> {
  await db
    .insertInto('oauthTokens')
    .values({ userId, ...token })
    .onConflict((conflict) =>
      conflict.column('userId').doUpdateSet({ ...token, updatedAt: new Date() }),
    )
    .execute();
}

/** The user's own GitHub token row (still encrypted), or `undefined`. */
export function findOAuthToken(
  db: Kysely<Database>,
  userId: string,
): Promise<OAuthToken | undefined> {
  return db.selectFrom('oauthTokens').selectAll().where('userId', '=', userId).executeTakeFirst();
}

/**
 * Up to `limit` rows sealed with `keyId`, for re-encryption after a key rotation. A
 * maintenance query across users: only the rotation job calls it.
 */
export function listOAuthTokensSealedWith(
  db: Kysely<Database>,
  keyId: string,
  limit: number,
): Promise<OAuthToken[]> {
  return db
    .selectFrom('oauthTokens')
    .selectAll()
    .where('keyId', '=', keyId)
    .orderBy('userId')
    .limit(limit)
    .execute();
}

/**
 * Replaces a row's ciphertext if it is still sealed with `previousKeyId` (a concurrent
 * sign-in may have stored a fresh token meanwhile). Returns whether the row changed.
 */
export async function resealOAuthToken(
  db: Kysely<Database>,
  userId: string,
  previousKeyId: string,
  sealed: { accessTokenCiphertext: Uint8Array; keyId: string },
): Promise<boolean> {
  const result = await db
    .updateTable('oauthTokens')
    .set(sealed)
    .where('userId', '=', userId)
    .where('keyId', '=', previousKeyId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
