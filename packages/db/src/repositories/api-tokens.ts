import type { Kysely } from 'kysely';
import type { Database } from '../database';
import type { ApiToken } from '../tables/api-tokens';
import type { User } from '../tables/users';

/** What a token list shows: never the secret hash. */
export type ApiTokenSummary = Omit<ApiToken, 'secretHash' | 'userId'>;

/** How often `last_used_at` is written at most: not on every request of a busy script. */
const LAST_USED_RESOLUTION_MS = 60_000;

/** Stores a new token for `userId` (its secret already hashed by the API). */
export async function insertApiToken(
  db: Kysely<Database>,
  userId: string,
  token: { id: string; name: string; secretHash: Uint8Array; expiresAt: Date | null },
): Promise<ApiTokenSummary> {
  return db
    .insertInto('apiTokens')
    .values({ ...token, userId })
    .returning(['id', 'name', 'createdAt', 'lastUsedAt', 'expiresAt'])
    .executeTakeFirstOrThrow();
}

/** The user's tokens, newest first. */
export function listApiTokens(db: Kysely<Database>, userId: string): Promise<ApiTokenSummary[]> {
  return db
    .selectFrom('apiTokens')
    .select(['id', 'name', 'createdAt', 'lastUsedAt', 'expiresAt'])
    .where('userId', '=', userId)
    .orderBy('createdAt', 'desc')
    .orderBy('id')
    .execute();
}

/**
 * Deletes one of the user's tokens; `undefined` when it does not exist or belongs to someone
 * else (the two are indistinguishable on purpose).
 */
export async function deleteApiToken(
  db: Kysely<Database>,
  userId: string,
  tokenId: string,
): Promise<Pick<ApiToken, 'id' | 'name'> | undefined> {
  return db
    .deleteFrom('apiTokens')
    .where('userId', '=', userId)
    .where('id', '=', tokenId)
    .returning(['id', 'name'])
    .executeTakeFirst();
}

/**
 * The token with this id and its owner, for authenticating a request. The caller proves
 * possession by checking the secret hash before trusting the result.
 */
export async function findApiTokenWithUser(
  db: Kysely<Database>,
  tokenId: string,
): Promise<{ token: ApiToken; user: User } | undefined> {
  const token = await db
    .selectFrom('apiTokens')
    .selectAll()
    .where('id', '=', tokenId)
    .executeTakeFirst();
  if (!token) return undefined;
  const user = await db
    .selectFrom('users')
    .selectAll()
    .where('id', '=', token.userId)
    .executeTakeFirst();
  return user ? { token, user } : undefined;
}

/** Records a use, unless one was recorded less than a minute ago. */
export async function markApiTokenUsed(
  db: Kysely<Database>,
  tokenId: string,
  now: Date,
): Promise<void> {
  await db
    .updateTable('apiTokens')
    .set({ lastUsedAt: now })
    .where('id', '=', tokenId)
    .where((eb) =>
      eb.or([
        eb('lastUsedAt', 'is', null),
        eb('lastUsedAt', '<', new Date(now.getTime() - LAST_USED_RESOLUTION_MS)),
      ]),
    )
    .execute();
}
