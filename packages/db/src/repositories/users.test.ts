import { expect, test } from 'vitest';
import { isUniqueViolation } from '../errors';
import { describeEachDatabase } from '../testing';
import { findUserById, upsertGitHubUser } from './users';

const octocat = {
  githubId: 583231,
  login: 'octocat',
  name: 'The Octocat',
  avatarUrl: 'https://avatars.githubusercontent.com/u/583231',
  email: null,
};

describeEachDatabase('users repository', (t) => {
  test('creates a user, then refreshes it by GitHub id', async () => {
    const created = await upsertGitHubUser(t.db, octocat);
    expect(created).toMatchObject({ ...octocat, githubId: 583231 });
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.createdAt).toBeInstanceOf(Date);

    const renamed = await upsertGitHubUser(t.db, { ...octocat, login: 'octo-renamed' });
    expect(renamed.id).toBe(created.id);
    expect(renamed.login).toBe('octo-renamed');
    expect(renamed.updatedAt.getTime()).toBeGreaterThanOrEqual(created.updatedAt.getTime());
    expect(await findUserById(t.db, created.id)).toEqual(renamed);
  });

  test('github_id is unique', async () => {
    const row = { ...octocat, githubId: 42, login: 'first' };
    await t.db.insertInto('users').values(row).execute();
    const error = await t.db
      .insertInto('users')
      .values({ ...row, login: 'second' })
      .execute()
      .catch((e: unknown) => e);
    expect(isUniqueViolation(error, 'users_github_id_key')).toBe(true);
  });

  test('bigint GitHub ids come back as numbers on both drivers', async () => {
    const big = await upsertGitHubUser(t.db, { ...octocat, githubId: 2 ** 40, login: 'big' });
    const row = await t.db
      .selectFrom('users')
      .select('githubId')
      .where('id', '=', big.id)
      .executeTakeFirstOrThrow();
    expect(row.githubId).toBe(2 ** 40);
  });

  test('an unknown id finds nothing', async () => {
    expect(await findUserById(t.db, '00000000-0000-4000-8000-000000000000')).toBeUndefined();
  });
});
