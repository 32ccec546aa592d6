import { beforeAll, expect, test } from 'vitest';
import { ProjectNameTakenError } from '../errors';
import type { User } from '../tables/users';
import { describeEachDatabase } from '../testing';
import {
  countDrafts,
  createProject,
  findProject,
  listProjects,
  listProjectsPage,
} from './projects';
import { upsertGitHubUser } from './users';

const config = { schemaVersion: 1, platforms: ['discord', 'slack'], project: { name: 'hello' } };

describeEachDatabase('projects repository', (t) => {
  let alice: User;
  let bob: User;
  beforeAll(async () => {
    const profile = { name: null, avatarUrl: null, email: null };
    alice = await upsertGitHubUser(t.db, { ...profile, githubId: 1, login: 'alice' });
    bob = await upsertGitHubUser(t.db, { ...profile, githubId: 2, login: 'bob' });
  });

  test('stores the config as JSON, arrays included', async () => {
    const project = await createProject(t.db, alice.id, {
      name: 'hello',
      config,
      configSchemaVersion: 1,
    });
    expect(project).toMatchObject({ ownerId: alice.id, name: 'hello', repoFullName: null, config });
    expect(await findProject(t.db, alice.id, project.id)).toEqual(project);
  });

  test('countDrafts counts the owner’s drafts only', async () => {
    const profile = { name: null, avatarUrl: null, email: null };
    const carol = await upsertGitHubUser(t.db, { ...profile, githubId: 3, login: 'carol' });
    expect(await countDrafts(t.db, carol.id)).toBe(0);
    const input = { config, configSchemaVersion: 1 };
    await createProject(t.db, carol.id, { ...input, name: 'one' });
    const live = await createProject(t.db, carol.id, { ...input, name: 'two' });
    await t.db
      .updateTable('projects')
      .set({ status: 'active' })
      .where('id', '=', live.id)
      .execute();
    await createProject(t.db, bob.id, { ...input, name: 'not-carols' });
    expect(await countDrafts(t.db, carol.id)).toBe(1);
  });

  test('names are unique per owner, not globally', async () => {
    const input = { name: 'twin', config, configSchemaVersion: 1 };
    await createProject(t.db, alice.id, input);
    await expect(createProject(t.db, alice.id, input)).rejects.toBeInstanceOf(
      ProjectNameTakenError,
    );
    await expect(createProject(t.db, bob.id, input)).resolves.toMatchObject({ ownerId: bob.id });
  });

  test('queries are owner-scoped', async () => {
    const secret = await createProject(t.db, bob.id, {
      name: 'bobs-bot',
      config,
      configSchemaVersion: 1,
    });
    expect(await findProject(t.db, alice.id, secret.id)).toBeUndefined();
    const names = (await listProjects(t.db, alice.id)).map((p) => p.name);
    expect(names).not.toContain('bobs-bot');
    expect(names.sort()).toEqual(['hello', 'twin']);
  });

  test('another owner’s project id as the cursor is an empty page, not an oracle', async () => {
    const own = await listProjectsPage(t.db, alice.id, { limit: 1 });
    expect(own.nextCursor).not.toBeNull();
    expect(
      (await listProjectsPage(t.db, alice.id, { limit: 5, cursor: own.nextCursor })).items,
    ).not.toHaveLength(0);
    // Newer than all of Alice's: unscoped, it would page through hers and date itself.
    const foreign = await createProject(t.db, bob.id, {
      name: 'newest',
      config,
      configSchemaVersion: 1,
    });
    const page = await listProjectsPage(t.db, alice.id, { limit: 5, cursor: foreign.id });
    expect(page).toEqual({ items: [], nextCursor: null });
  });

  test('deleting a user deletes their projects and sessions', async () => {
    const carol = await upsertGitHubUser(t.db, {
      githubId: 3,
      login: 'carol',
      name: null,
      avatarUrl: null,
      email: null,
    });
    await createProject(t.db, carol.id, { name: 'x', config, configSchemaVersion: 1 });
    const secretHash = new Uint8Array([0, 1, 2, 253, 254, 255]);
    await t.db
      .insertInto('sessions')
      .values({
        id: 'session-1',
        userId: carol.id,
        secretHash,
        expiresAt: new Date(Date.now() + 60_000),
        absoluteExpiresAt: new Date(Date.now() + 120_000),
      })
      .execute();
    const session = await t.db
      .selectFrom('sessions')
      .selectAll()
      .where('id', '=', 'session-1')
      .executeTakeFirstOrThrow();
    expect(new Uint8Array(session.secretHash)).toEqual(secretHash);

    await t.db.deleteFrom('users').where('id', '=', carol.id).execute();
    expect(await listProjects(t.db, carol.id)).toEqual([]);
    expect(await t.db.selectFrom('sessions').selectAll().execute()).toEqual([]);
  });
});
