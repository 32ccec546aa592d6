import type { User } from '@botsmith/db';
import { describeEachDatabase } from '@botsmith/db/testing';
import { scaledTimeout } from '@botsmith/test-kit';
import { beforeAll, expect, test } from 'vitest';
import { testCipher } from '../testing/test-keys';
import { createTestCaller } from '../testing/test-server';
import { connectedProject, testUser } from '../testing/webhook-fixtures';

const MIN = 60_000;

describeEachDatabase('deployment router', (t) => {
  let alice: User;
  let bob: User;
  let projectId: string;
  let otherProjectId: string;
  let successId: string;
  const as = (user: User) => createTestCaller(t.db, { kind: 'api_token', user, tokenId: 't' });

  beforeAll(async () => {
    alice = await testUser(t.db, 9001, 'alice');
    bob = await testUser(t.db, 9002, 'bob');
    const cipher = testCipher();
    const options = { repoFullName: 'alice/a', webhookId: null };
    projectId = (await connectedProject(t.db, cipher, alice, { ...options, name: 'a' })).project.id;
    otherProjectId = (await connectedProject(t.db, cipher, alice, { ...options, name: 'b' }))
      .project.id;
    const start = Date.now() - 60 * MIN;
    const row = (
      n: number,
      status: 'success' | 'failure' | 'in_progress',
      project = projectId,
    ) => ({
      projectId: project,
      source: 'workflow_run' as const,
      externalId: String(n),
      status,
      commitSha: `sha${n}`,
      committedAt: new Date(start + n * 10 * MIN - 5 * MIN),
      startedAt: new Date(start + n * 10 * MIN),
      completedAt: status === 'in_progress' ? null : new Date(start + n * 10 * MIN + 2 * MIN),
    });
    const inserted = await t.db
      .insertInto('deployments')
      .values([
        row(1, 'failure'),
        row(2, 'success'),
        row(3, 'in_progress'),
        row(4, 'success', otherProjectId),
      ])
      .returning(['id', 'externalId'])
      .execute();
    successId = inserted.find((r) => r.externalId === '2')?.id as string;
  });

  test('list filters by project and status', async () => {
    const caller = as(alice);
    expect((await caller.deployment.list({})).items).toHaveLength(4);
    const failures = await caller.deployment.list({ projectId, status: 'failure' });
    expect(failures.items.map((d) => d.externalId)).toEqual(['1']);
    expect((await caller.deployment.list({ projectId: otherProjectId })).items).toHaveLength(1);
    expect((await as(bob).deployment.list({})).items).toEqual([]);
  });

  test('stats per project and overall', async () => {
    const caller = as(alice);
    const one = await caller.deployment.stats({ projectId });
    expect(one).toMatchObject({
      total: 3,
      succeeded: 1,
      failed: 1,
      successRate: 0.5,
      medianDurationMs: 2 * MIN,
      mttrMs: 10 * MIN,
      leadTimeMs: 7 * MIN,
    });
    expect(one.series).toHaveLength(30);
    const all = await caller.deployment.stats({});
    expect(all).toMatchObject({ total: 4, succeeded: 2, successRate: 2 / 3 });
    expect((await as(bob).deployment.stats({})).total).toBe(0);
  });

  test('redeploy of another user’s deployment → NOT_FOUND; unfinished → BAD_REQUEST', async () => {
    await expect(as(bob).deployment.redeploy({ deploymentId: successId })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const running = await as(alice).deployment.list({ status: 'in_progress' });
    await expect(
      as(alice).deployment.redeploy({ deploymentId: running.items[0]?.id as string }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('in progress'),
    });
  });

  test(
    'changes yields rows as they change, only the caller’s',
    async () => {
      const stream = (await as(alice).deployment.changes({ projectId }))[Symbol.asyncIterator]();
      const changed = (async () => {
        await new Promise((resolve) => setTimeout(resolve, 300));
        await t.db
          .updateTable('deployments')
          .set({ status: 'success', updatedAt: new Date() })
          .where('projectId', '=', projectId)
          .where('externalId', '=', '3')
          .execute();
      })();
      let next = await stream.next();
      // Rows changed just before subscribing may come first (the look-back window).
      while (!(next.value?.externalId === '3' && next.value.status === 'success')) {
        expect(next.value?.projectId).toBe(projectId);
        next = await stream.next();
      }
      expect(next.value).toMatchObject({ projectName: 'a' });
      await changed;
      await stream.return?.(undefined);
    },
    scaledTimeout(15_000),
  );

  // Last: it adds a project and deployments the counts above do not expect.
  test('deployments expose their URL; project.get has the newest one', async () => {
    const caller = as(alice);
    const { project } = await connectedProject(t.db, testCipher(), alice, {
      name: 'with-url',
      repoFullName: 'alice/with-url',
      webhookId: null,
    });
    expect((await caller.project.get({ projectId: project.id })).deploymentUrl).toBeNull();
    const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * MIN);
    await t.db
      .insertInto('deployments')
      .values([
        {
          projectId: project.id,
          source: 'deployment',
          externalId: 'u1',
          status: 'success',
          url: 'https://old.example',
          createdAt: at(30),
        },
        {
          projectId: project.id,
          source: 'deployment',
          externalId: 'u2',
          status: 'success',
          url: 'https://bot.example',
          createdAt: at(20),
        },
        {
          projectId: project.id,
          source: 'workflow_run',
          externalId: 'u3',
          status: 'success',
          url: null,
          createdAt: at(10),
        },
      ])
      .execute();
    const listed = await caller.deployment.list({ projectId: project.id });
    expect(listed.items.map((d) => d.url)).toEqual([
      null,
      'https://bot.example',
      'https://old.example',
    ]);
    expect((await caller.project.get({ projectId: project.id })).deploymentUrl).toBe(
      'https://bot.example',
    );
    await expect(as(bob).project.get({ projectId: project.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
