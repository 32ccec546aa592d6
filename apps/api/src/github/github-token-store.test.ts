import { upsertGitHubUser } from '@botsmith/db';
import { describeEachDatabase } from '@botsmith/db/testing';
import { expect, test } from 'vitest';
import { createCipher, DecryptionError } from '../crypto/cipher';
import { readGitHubToken, resealGitHubTokens, storeGitHubToken } from './github-token-store';

const OLD = { id: 'k-2025', key: Buffer.alloc(32, 3) };
const NEW = { id: 'k-2026', key: Buffer.alloc(32, 4) };

describeEachDatabase('GitHub token store', (t) => {
  test('tokens sealed under an old key are resealed under the current one', async () => {
    const profile = { name: null, avatarUrl: null, email: null };
    const users = await Promise.all(
      [1, 2, 3].map((n) =>
        upsertGitHubUser(t.db, { ...profile, githubId: 1000 + n, login: `rot-${n}` }),
      ),
    );
    const before = createCipher([OLD]);
    for (const user of users) {
      await storeGitHubToken(t.db, before, user.id, {
        accessToken: `gho_${user.login}`,
        scopes: ['repo'],
      });
    }

    const after = createCipher([NEW, OLD]);
    expect(await resealGitHubTokens(t.db, after, 2)).toBe(3);
    expect(await resealGitHubTokens(t.db, after, 2)).toBe(0);
    const keyIds = await t.db.selectFrom('oauthTokens').select('keyId').distinct().execute();
    expect(keyIds).toEqual([{ keyId: 'k-2026' }]);

    // The old key can now be dropped.
    const newOnly = createCipher([NEW]);
    for (const user of users) {
      expect(await readGitHubToken(t.db, newOnly, user.id)).toEqual({
        accessToken: `gho_${user.login}`,
        scopes: ['repo'],
      });
    }
    await expect(readGitHubToken(t.db, before, users[0]?.id ?? '')).rejects.toBeInstanceOf(
      DecryptionError,
    );
  });
});
