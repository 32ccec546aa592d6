import type { Db } from '@botsmith/db';
import { createApiToken } from '../api-tokens/api-tokens';

/**
 * A personal API token for `userId` that never expires, as the Account page makes one; for
 * tests that call the API the way a script does.
 *
 * @example const { token } = await createTestApiToken(t.db, alice.id, 'alice-sdk');
 */
export async function createTestApiToken(
  db: Db,
  userId: string,
  name: string,
): Promise<{ token: string; id: string }> {
  const { token, summary } = await createApiToken(db, userId, { name, expiresAt: null });
  return { token, id: summary.id };
}
