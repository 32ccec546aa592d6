import {
  type ApiTokenSummary,
  type Db,
  findApiTokenWithUser,
  insertApiToken,
  markApiTokenUsed,
  type User,
} from '@botsmith/db';
import {
  BASE32_LOWER,
  generateId,
  generateSecret,
  hashSecret,
  secretMatches,
} from '../crypto/random-token';

/**
 * Every personal API token starts with this, so people (and secret scanners) recognise one
 * in a leaked log or commit. Format: `bsm_<id>_<secret>`; base32 never contains `_`.
 */
export const API_TOKEN_PREFIX = 'bsm_';

/**
 * Creates a token for `userId`. The returned `token` is the only copy of the secret: show it
 * once and forget it.
 *
 * @example const { token, summary } = await createApiToken(db, user.id, { name: 'CI', expiresAt: null });
 */
export async function createApiToken(
  db: Db,
  userId: string,
  input: { name: string; expiresAt: Date | null },
): Promise<{ token: string; summary: ApiTokenSummary }> {
  const id = generateId();
  const secret = generateSecret();
  const summary = await insertApiToken(db, userId, {
    id,
    name: input.name,
    secretHash: hashSecret(secret),
    expiresAt: input.expiresAt,
  });
  return { token: `${API_TOKEN_PREFIX}${id}_${secret}`, summary };
}

/** Splits a token into id and secret, or `null` when it cannot be one of ours. */
export function parseApiToken(token: string): { id: string; secret: string } | null {
  if (!token.startsWith(API_TOKEN_PREFIX) || token.length > 200) return null;
  const [id, secret, extra] = token.slice(API_TOKEN_PREFIX.length).split('_');
  if (!id || !secret || extra !== undefined) return null;
  return BASE32_LOWER.test(id) && BASE32_LOWER.test(secret) ? { id, secret } : null;
}

/**
 * The user a bearer token authenticates, or `null` when it is malformed, unknown, forged,
 * expired or revoked (revoking deletes the row). Records the use (at most once a minute).
 */
export async function validateApiToken(
  db: Db,
  token: string,
  now = new Date(),
): Promise<{ user: User; tokenId: string } | null> {
  const parsed = parseApiToken(token);
  if (!parsed) return null;
  const found = await findApiTokenWithUser(db, parsed.id);
  if (!found || !secretMatches(parsed.secret, found.token.secretHash)) return null;
  if (found.token.expiresAt && now >= found.token.expiresAt) return null;
  await markApiTokenUsed(db, found.token.id, now);
  return { user: found.user, tokenId: found.token.id };
}
