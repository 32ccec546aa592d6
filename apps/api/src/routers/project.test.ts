import { insertActivity, type User } from '@botsmith/db';
import { describeEachDatabase } from '@botsmith/db/testing';
import {
  BUILD_CONFIG_SCHEMA_VERSION,
  buildConfigDraftSchema,
  buildConfigSchema,
} from '@botsmith/shared';
import { beforeAll, expect, test } from 'vitest';
import type { RequestAuth } from '../auth/request-auth';
import { createSession } from '../sessions/sessions';
import { testCipher } from '../testing/test-keys';
import { createTestCaller } from '../testing/test-server';
import { connectedProject, testUser } from '../testing/webhook-fixtures';
import { MAX_DRAFTS_PER_USER } from './project';

const MISSING = '00000000-0000-4000-8000-000000000000';

describeEachDatabase('project router', (t) => {
  let alice: User;
  let bob: User;
  let asAlice: ReturnType<typeof createTestCaller>;
  let asBob: ReturnType<typeof createTestCaller>;
  const auth = async (user: User): Promise<RequestAuth> => ({
    kind: 'session',
    user,
    session: (await createSession(t.db, user.id)).session,
  });
  beforeAll(async () => {
    alice = await testUser(t.db, 8001, 'alice');
    bob = await testUser(t.db, 8002, 'bob');
    asAlice = createTestCaller(t.db, await auth(alice));
    asBob = createTestCaller(t.db, await auth(bob));
  });

  test('saveDraft creates, then updates, a draft with the config schema version', async () => {
    const created = await asAlice.project.saveDraft({
      name: 'draft-bot',
      config: { platforms: ['telegram'] },
    });
    expect(created).toMatchObject({
      name: 'draft-bot',
      status: 'draft',
      config: buildConfigDraftSchema.parse({ platforms: ['telegram'] }),
      configSchemaVersion: BUILD_CONFIG_SCHEMA_VERSION,
      webhookConnected: false,
      latestDeployment: null,
    });
    expect(created).not.toHaveProperty('webhookSecretCiphertext');
    const updated = await asAlice.project.saveDraft({
      projectId: created.id,
      name: 'draft-bot-2',
      config: { platforms: ['slack'] },
    });
    expect(updated).toMatchObject({
      id: created.id,
      name: 'draft-bot-2',
      config: { platforms: ['slack'] },
    });
    expect(await asAlice.project.get({ projectId: created.id })).toEqual({
      ...updated,
      deploymentUrl: null,
    });
  });

  test('the wizard’s whole config saves as it is; an unfinished one saves too', async () => {
    const wizard = buildConfigSchema.parse({ platforms: ['slack'], project: { name: 'web-bot' } });
    expect((await asAlice.project.saveDraft({ name: 'web-bot', config: wizard })).config).toEqual(
      wizard,
    );
    // "ai" without a provider fails the checks across fields; a draft may still be unfinished.
    const unfinished = await asAlice.project.saveDraft({
      name: 'unfinished-bot',
      config: { features: ['ai'] },
    });
    expect(unfinished.config).toMatchObject({ features: ['ai'], ai: { provider: 'none' } });
  });

  test('saveDraft refuses unknown keys and invalid values, naming the field', async () => {
    for (const [config, path] of [
      [{ colour: 'red' }, []],
      [{ project: { colour: 'red' } }, ['project']],
      [{ sessions: { ttlSeconds: 5 } }, ['sessions', 'ttlSeconds']],
      [{ platforms: ['myspace'] }, ['platforms', 0]],
    ] as const) {
      const error = await asAlice.project
        .saveDraft({ name: 'strict-bot', config: config as never })
        .then(
          () => expect.unreachable(`${JSON.stringify(config)} should be refused`),
          (e: unknown) => e as { code: string; cause: { issues: { path: unknown[] }[] } },
        );
      expect(error.code).toBe('BAD_REQUEST');
      expect(error.cause.issues.map((issue) => issue.path)).toEqual([['config', ...path]]);
    }
    const names = (await asAlice.project.list({ limit: 100 })).items.map((p) => p.name);
    expect(names).not.toContain('strict-bot');
  });

  test(`at most ${MAX_DRAFTS_PER_USER} drafts per user: one more → CONFLICT, edits still work`, async () => {
    const dave = await testUser(t.db, 8004, 'dave');
    const asDave = createTestCaller(t.db, await auth(dave));
    // A project set up on GitHub is no draft and does not count.
    await connectedProject(t.db, testCipher(), dave, {
      name: 'live',
      repoFullName: 'dave/live',
      webhookId: null,
    });
    await t.db
      .insertInto('projects')
      .values(
        Array.from({ length: MAX_DRAFTS_PER_USER - 1 }, (_, i) => ({
          ownerId: dave.id,
          name: `draft-${i}`,
          config: JSON.stringify({}),
          configSchemaVersion: BUILD_CONFIG_SCHEMA_VERSION,
        })),
      )
      .execute();
    const last = await asDave.project.saveDraft({ name: 'the-last', config: {} });
    await expect(asDave.project.saveDraft({ name: 'one-more', config: {} })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: `You already have ${MAX_DRAFTS_PER_USER} drafts, the most you can keep; delete one to save another.`,
    });
    await expect(
      asDave.project.saveDraft({ projectId: last.id, name: 'the-last-2', config: {} }),
    ).resolves.toMatchObject({ name: 'the-last-2' });
    // Others are not affected, and deleting a draft makes room.
    await expect(asBob.project.saveDraft({ name: 'bobs-draft', config: {} })).resolves.toBeTruthy();
    await asDave.project.delete({ projectId: last.id });
    await expect(asDave.project.saveDraft({ name: 'one-more', config: {} })).resolves.toBeTruthy();
  });

  test('a project set up on GitHub is no longer a draft to edit', async () => {
    const { project } = await connectedProject(t.db, testCipher(), alice, {
      name: 'live-bot',
      repoFullName: 'alice/live-bot',
      webhookId: null,
    });
    await expect(
      asAlice.project.saveDraft({ projectId: project.id, name: 'live-bot', config: {} }),
    ).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
  });

  test('rename: names are unique per owner → CONFLICT with a clear message', async () => {
    const one = await asAlice.project.saveDraft({ name: 'one', config: {} });
    await asAlice.project.saveDraft({ name: 'two', config: {} });
    await expect(asAlice.project.rename({ projectId: one.id, name: 'two' })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('already have a project named "two"'),
    });
    await expect(asAlice.project.saveDraft({ name: 'two', config: {} })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    const renamed = await asAlice.project.rename({ projectId: one.id, name: 'uno' });
    expect(renamed.name).toBe('uno');
    // Bob may use the same name.
    await expect(asBob.project.saveDraft({ name: 'two', config: {} })).resolves.toBeTruthy();
    const feed = await asAlice.activity.list({ projectId: one.id });
    expect(feed.map((a) => a.action)).toEqual(['project.renamed', 'project.created']);
    expect(feed[0]?.metadata).toEqual({ from: 'one', to: 'uno' });
  });

  test('list pages newest first with a cursor and shows the latest deployment', async () => {
    const carol = await testUser(t.db, 8003, 'carol');
    const asCarol = createTestCaller(t.db, await auth(carol));
    const ids: string[] = [];
    for (const name of ['p1', 'p2', 'p3', 'p4', 'p5']) {
      ids.push((await asCarol.project.saveDraft({ name, config: {} })).id);
    }
    await t.db
      .insertInto('deployments')
      .values({
        projectId: ids[4] as string,
        source: 'workflow_run',
        externalId: '1',
        status: 'failure',
      })
      .execute();
    const first = await asCarol.project.list({ limit: 2 });
    expect(first.items.map((p) => p.name)).toEqual(['p5', 'p4']);
    expect(first.items[0]?.latestDeployment).toMatchObject({ status: 'failure' });
    const second = await asCarol.project.list({ limit: 2, cursor: first.nextCursor });
    const third = await asCarol.project.list({ limit: 2, cursor: second.nextCursor });
    expect([...second.items, ...third.items].map((p) => p.name)).toEqual(['p3', 'p2', 'p1']);
    expect(third.nextCursor).toBeNull();
    await expect(asCarol.project.list({ limit: 2, cursor: 'not-a-cursor' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
  });

  test('delete removes the record (no webhook: no GitHub call) and records it', async () => {
    const draft = await asAlice.project.saveDraft({ name: 'doomed', config: {} });
    await expect(asAlice.project.delete({ projectId: draft.id })).resolves.toMatchObject({
      deleted: true,
    });
    await expect(asAlice.project.get({ projectId: draft.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const [latest] = await asAlice.activity.list({ limit: 1 });
    expect(latest).toMatchObject({ action: 'project.deleted', projectId: null });
    expect(latest?.metadata).toMatchObject({ projectId: draft.id, name: 'doomed' });
  });

  test('another user’s project ids → NOT_FOUND for every procedure', async () => {
    const { project } = await connectedProject(t.db, testCipher(), alice, {
      name: 'private-bot',
      repoFullName: 'alice/private-bot',
      webhookId: 31337,
    });
    await insertActivity(t.db, {
      userId: alice.id,
      projectId: project.id,
      action: 'webhook.received',
      ip: null,
      userAgent: null,
    });
    const projectId = project.id;
    const notFound = { code: 'NOT_FOUND' };
    await expect(asBob.project.get({ projectId })).rejects.toMatchObject(notFound);
    await expect(
      asBob.project.saveDraft({ projectId, name: 'x', config: {} }),
    ).rejects.toMatchObject(notFound);
    await expect(asBob.project.rename({ projectId, name: 'x' })).rejects.toMatchObject(notFound);
    await expect(asBob.project.delete({ projectId })).rejects.toMatchObject(notFound);
    await expect(asBob.project.disconnectWebhook({ projectId })).rejects.toMatchObject(notFound);
    await expect(asBob.deployment.list({ projectId })).rejects.toMatchObject(notFound);
    await expect(asBob.deployment.stats({ projectId })).rejects.toMatchObject(notFound);
    await expect(asBob.activity.list({ projectId })).rejects.toMatchObject(notFound);
    const changes = await asBob.deployment.changes({ projectId });
    await expect(changes[Symbol.asyncIterator]().next()).rejects.toMatchObject(notFound);
    await expect(asBob.project.get({ projectId: MISSING })).rejects.toMatchObject(notFound);
    expect((await asBob.project.list({})).items.map((p) => p.id)).not.toContain(projectId);
    // Still there, untouched.
    expect(await asAlice.project.get({ projectId })).toMatchObject({ name: 'private-bot' });
  });

  test('signed-out callers are refused', async () => {
    const anonymous = createTestCaller(t.db);
    await expect(anonymous.project.list({})).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(anonymous.deployment.stats({})).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });
});
