import {
  type Db,
  findOAuthToken,
  listOAuthTokensSealedWith,
  resealOAuthToken,
  saveOAuthToken,
} from '@botsmith/db';
import type { Cipher } from '../crypto/cipher';
import type { GitHubGrant } from './oauth-client';

/**
 * Binds each ciphertext to its row's owner (authenticated, not stored): a sealed token copied
 * into another user's row fails to decrypt instead of acting as that user.
 */
function context(userId: string): string {
  return `oauth_token:${userId}`;
}

/** Encrypts and stores the user's GitHub token, replacing any previous one. */
export async function storeGitHubToken(
  db: Db,
  cipher: Cipher,
  userId: string,
  grant: GitHubGrant,
): Promise<void> {
  const sealed = cipher.encrypt(grant.accessToken, context(userId));
  await saveOAuthToken(db, userId, {
    accessTokenCiphertext: sealed.ciphertext,
    keyId: sealed.keyId,
    scopes: grant.scopes,
  });
}

/**
 * The user's GitHub token, decrypted, or `undefined` when they have none.
 *
 * @throws {DecryptionError} when its key is no longer configured (they must sign in again).
 */
export async function readGitHubToken(
  db: Db,
  cipher: Cipher,
  userId: string,
): Promise<{ accessToken: string; scopes: string[] } | undefined> {
  const row = await findOAuthToken(db, userId);
  if (!row) return undefined;
  const accessToken = cipher.decrypt(
    { keyId: row.keyId, ciphertext: row.accessTokenCiphertext },
    context(userId),
  );
  return { accessToken, scopes: row.scopes };
}

/**
 * Re-encrypts tokens sealed with previous keys under the current one (key rotation: put the
 * new key first in ENCRYPTION_KEYS, start, then drop the old key once this reports 0 left).
 * Returns how many rows were resealed.
 */
export async function resealGitHubTokens(db: Db, cipher: Cipher, batchSize = 100): Promise<number> {
  let resealed = 0;
  for (const keyId of cipher.previousKeyIds) {
    for (;;) {
      const rows = await listOAuthTokensSealedWith(db, keyId, batchSize);
      for (const row of rows) {
        const plaintext = cipher.decrypt(
          { keyId: row.keyId, ciphertext: row.accessTokenCiphertext },
          context(row.userId),
        );
        const sealed = cipher.encrypt(plaintext, context(row.userId));
        const changed = await resealOAuthToken(db, row.userId, keyId, {
          accessTokenCiphertext: sealed.ciphertext,
          keyId: sealed.keyId,
        });
        if (changed) resealed += 1;
      }
      if (rows.length < batchSize) break;
    }
  }
  return resealed;
}
