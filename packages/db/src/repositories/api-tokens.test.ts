import { beforeAll, expect, test } from 'vitest';
import type { User } from '../tables/users';
import { describeEachDatabase } from '../testing';
import {
  deleteApiToken,
  findApiTokenWithUser,
  insertApiToken,
  listApiTokens,
  markApiTokenUsed,
} from './api-tokens';
import { upsertGitHubUser } from './users';

describeEachDatabase('api tokens repository', (t) => {
  let alice: User;
  let bob: User;
  beforeAll(async () => {
    const profile = { name: null, avatarUrl: null, email: null };
    alice = await upsertGitHubUser(t.db, { ...profile, githubId: 21, login: 'alice' });
    bob = await upsertGitHubUser(t.db, { ...profile, githubId: 22, login: 'bob' });
  });

  const hash = new Uint8Array(32).fill(1);

  test('lists only the owner’s tokens and never the hash', async () => {
    await insertApiToken(t.db, alice.id, {
      id: 'a1',
      name: 'ci',
      secretHash: hash,
      expiresAt: null,
    });
    await insertApiToken(t.db, bob.id, {
      id: 'b1',
      name: 'bobs',
      secretHash: hash,
      expiresAt: null,
    });
    const listed = await listApiTokens(t.db, alice.id);
    expect(listed).toEqual([
      { id: 'a1', name: 'ci', createdAt: expect.any(Date), lastUsedAt: null, expiresAt: null },
    ]);
    expect(listed[0]).not.toHaveProperty('secretHash');
  });

  test('delete is owner-scoped', async () => {
    expect(await deleteApiToken(t.db, alice.id, 'b1')).toBeUndefined();
    expect(await findApiTokenWithUser(t.db, 'b1')).toBeDefined();
    expect(await deleteApiToken(t.db, bob.id, 'b1')).toEqual({ id: 'b1', name: 'bobs' });
    expect(await findApiTokenWithUser(t.db, 'b1')).toBeUndefined();
  });

  test('markApiTokenUsed writes at most once a minute', async () => {
    const first = new Date('2026-11-23T10:00:00Z');
    await markApiTokenUsed(t.db, 'a1', first);
    await markApiTokenUsed(t.db, 'a1', new Date(first.getTime() + 30_000));
    expect((await findApiTokenWithUser(t.db, 'a1'))?.token.lastUsedAt).toEqual(first);
    const later = new Date(first.getTime() + 61_000);
    await markApiTokenUsed(t.db, 'a1', later);
    const found = await findApiTokenWithUser(t.db, 'a1');
    expect(found?.token.lastUsedAt).toEqual(later);
    expect(found?.user.login).toBe('alice');
  });
});
