import { beforeAll, expect, test } from 'vitest';
import type { User } from '../tables/users';
import { describeEachDatabase } from '../testing';
import { insertActivity, listActivities, listActivitiesPage } from './activities';
import { upsertGitHubUser } from './users';

describeEachDatabase('activities repository', (t) => {
  let alice: User;
  let bob: User;
  beforeAll(async () => {
    const profile = { name: null, avatarUrl: null, email: null };
    alice = await upsertGitHubUser(t.db, { ...profile, githubId: 41, login: 'alice' });
    bob = await upsertGitHubUser(t.db, { ...profile, githubId: 42, login: 'bob' });
  });

  test('records entries and lists only the user’s own, newest first', async () => {
    const context = { ip: '203.0.113.9', userAgent: `agent ${'x'.repeat(1000)}` };
    await insertActivity(t.db, { userId: alice.id, action: 'auth.sign_in', ...context });
    await insertActivity(t.db, {
      userId: alice.id,
      action: 'api_token.created',
      ...context,
      metadata: { name: 'ci' },
    });
    await insertActivity(t.db, { userId: bob.id, action: 'auth.sign_in', ...context });
    const entries = await listActivities(t.db, alice.id, { limit: 10 });
    expect(entries.map((entry) => entry.action).sort()).toEqual([
      'api_token.created',
      'auth.sign_in',
    ]);
    expect(entries.every((entry) => entry.userId === alice.id)).toBe(true);
    expect(entries.find((e) => e.action === 'api_token.created')?.metadata).toEqual({ name: 'ci' });
    expect(entries[0]?.userAgent).toHaveLength(512);
    expect(entries[0]?.ip).toBe('203.0.113.9');
  });

  test('another user’s entry id as the cursor is an empty page, not an oracle', async () => {
    const carol = await upsertGitHubUser(t.db, {
      githubId: 43,
      login: 'carol',
      name: null,
      avatarUrl: null,
      email: null,
    });
    await insertActivity(t.db, {
      userId: carol.id,
      action: 'auth.sign_out',
      ip: null,
      userAgent: null,
    });
    const [foreign] = await listActivities(t.db, carol.id, { limit: 1 });
    expect(foreign?.action).toBe('auth.sign_out');
    const page = await listActivitiesPage(t.db, alice.id, { limit: 5, cursor: foreign?.id });
    expect(page).toEqual({ items: [], nextCursor: null });
    // Alice's own cursor still pages through her entries.
    const first = await listActivitiesPage(t.db, alice.id, { limit: 1 });
    const next = await listActivitiesPage(t.db, alice.id, { limit: 5, cursor: first.nextCursor });
    expect(next.items.map((e) => e.userId)).toEqual([alice.id]);
  });

  test('the log outlives the account', async () => {
    await t.db.deleteFrom('users').where('id', '=', bob.id).execute();
    const orphans = await t.db
      .selectFrom('activities')
      .select('action')
      .where('userId', 'is', null)
      .execute();
    expect(orphans).toEqual([{ action: 'auth.sign_in' }]);
  });
});
