import { beforeAll, expect, test } from 'vitest';
import type { User } from '../tables/users';
import { describeEachDatabase } from '../testing';
import {
  findOAuthToken,
  listOAuthTokensSealedWith,
  resealOAuthToken,
  saveOAuthToken,
} from './oauth-tokens';
import { upsertGitHubUser } from './users';

describeEachDatabase('oauth tokens repository', (t) => {
  let alice: User;
  beforeAll(async () => {
    alice = await upsertGitHubUser(t.db, {
      githubId: 31,
      login: 'alice',
      name: null,
      avatarUrl: null,
      email: null,
    });
  });

  test('saves, replaces and finds a sealed token with its scopes as an array', async () => {
    const sealed = { accessTokenCiphertext: new Uint8Array([1, 2, 3]), keyId: 'k1' };
    await saveOAuthToken(t.db, alice.id, { ...sealed, scopes: ['repo', 'workflow'] });
    await saveOAuthToken(t.db, alice.id, { ...sealed, scopes: ['repo', 'read:user'] });
    const row = await findOAuthToken(t.db, alice.id);
    expect(row?.scopes).toEqual(['repo', 'read:user']);
    expect(new Uint8Array(row?.accessTokenCiphertext ?? [])).toEqual(new Uint8Array([1, 2, 3]));
  });

  test('finds rows sealed with old keys and reseals them only if unchanged', async () => {
    expect(await listOAuthTokensSealedWith(t.db, 'k0', 10)).toEqual([]);
    const old = await listOAuthTokensSealedWith(t.db, 'k1', 10);
    expect(old.map((row) => row.userId)).toEqual([alice.id]);
    const next = { accessTokenCiphertext: new Uint8Array([9]), keyId: 'k2' };
    expect(await resealOAuthToken(t.db, alice.id, 'k0', next)).toBe(false);
    expect(await resealOAuthToken(t.db, alice.id, 'k1', next)).toBe(true);
    expect((await findOAuthToken(t.db, alice.id))?.keyId).toBe('k2');
  });
});
