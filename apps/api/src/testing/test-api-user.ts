import { type Db, type User, upsertGitHubUser } from '@botsmith/db';
import { createApiToken } from '../api-tokens/api-tokens';

/**
 * A GitHub user (created on first use) holding a personal API token that never expires, as
 * the Account page makes one; for tests that call the API the way a script does.
 *
 * @example const { user, token } = await createTestApiUser(t.db, { login: 'alice', githubId: 901 });
 */
export async function createTestApiUser(
  db: Db,
  options: { login: string; githubId: number; tokenName?: string },
): Promise<{ user: User; token: string; tokenId: string }> {
  const { login, githubId, tokenName = `${login}-sdk` } = options;
  const user = await upsertGitHubUser(db, {
    githubId,
    login,
    name: null,
    avatarUrl: null,
    email: null,
  });
  const { token, summary } = await createApiToken(db, user.id, {
    name: tokenName,
    expiresAt: null,
  });
  return { user, token, tokenId: summary.id };
}
