import { beforeAll, expect, test } from 'vitest';
import type { User } from '../tables/users';
import { describeEachDatabase } from '../testing';
import {
  deleteExpiredSessions,
  deleteSession,
  deleteUserSessions,
  findSessionWithUser,
  insertSession,
  touchSession,
} from './sessions';
import { upsertGitHubUser } from './users';

const DAY = 86_400_000;

describeEachDatabase('sessions repository', (t) => {
  let alice: User;
  let bob: User;
  beforeAll(async () => {
    const profile = { name: null, avatarUrl: null, email: null };
    alice = await upsertGitHubUser(t.db, { ...profile, githubId: 11, login: 'alice' });
    bob = await upsertGitHubUser(t.db, { ...profile, githubId: 12, login: 'bob' });
  });

  function newSession(id: string, userId: string, now = Date.now()) {
    return insertSession(t.db, {
      id,
      userId,
      secretHash: new Uint8Array(32).fill(7),
      expiresAt: new Date(now + 30 * DAY),
      absoluteExpiresAt: new Date(now + 90 * DAY),
    });
  }

  test('stores a session and finds it with its user; the hash survives as bytes', async () => {
    await newSession('s-alice-1', alice.id);
    const found = await findSessionWithUser(t.db, 's-alice-1');
    expect(found?.user.login).toBe('alice');
    expect(new Uint8Array(found?.session.secretHash ?? [])).toEqual(new Uint8Array(32).fill(7));
    expect(await findSessionWithUser(t.db, 'nope')).toBeUndefined();
  });

  test('touchSession moves the sliding expiry', async () => {
    await newSession('s-alice-2', alice.id);
    const expiresAt = new Date(Date.now() + 40 * DAY);
    const lastSeenAt = new Date();
    await touchSession(t.db, 's-alice-2', { expiresAt, lastSeenAt });
    const found = await findSessionWithUser(t.db, 's-alice-2');
    expect(found?.session.expiresAt).toEqual(expiresAt);
    expect(found?.session.lastSeenAt).toEqual(lastSeenAt);
  });

  test('deleteUserSessions ends only that user’s sessions', async () => {
    await newSession('s-bob-1', bob.id);
    await newSession('s-bob-2', bob.id);
    expect(await deleteUserSessions(t.db, bob.id)).toBe(2);
    expect(await findSessionWithUser(t.db, 's-bob-1')).toBeUndefined();
    expect(await findSessionWithUser(t.db, 's-alice-1')).toBeDefined();
    await deleteSession(t.db, 's-alice-1');
    expect(await findSessionWithUser(t.db, 's-alice-1')).toBeUndefined();
  });

  test('deleteExpiredSessions removes sessions past either expiry', async () => {
    const now = Date.now();
    await newSession('s-old', alice.id, now - 31 * DAY);
    await newSession('s-ancient', alice.id, now - 100 * DAY);
    await newSession('s-fresh', alice.id, now);
    expect(await deleteExpiredSessions(t.db, new Date(now))).toBe(2);
    expect(await findSessionWithUser(t.db, 's-fresh')).toBeDefined();
  });
});
