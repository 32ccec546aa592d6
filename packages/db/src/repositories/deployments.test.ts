import { beforeAll, expect, test } from 'vitest';
import type { User } from '../tables/users';
import { describeEachDatabase } from '../testing';
import {
  type DeploymentFacts,
  listDeploymentChanges,
  listDeployments,
  listDeploymentTimings,
  type MergeDeployment,
  saveDeployment,
} from './deployments';
import { createProject } from './projects';
import { upsertGitHubUser } from './users';
import { recordDelivery } from './webhook-deliveries';

/** Takes every incoming fact, except that it never leaves a finished status. */
const merge: MergeDeployment = (current, incoming) =>
  current && current.status !== 'in_progress' && current.status !== 'queued'
    ? null
    : { ...incoming };

describeEachDatabase('deployments repository', (t) => {
  let alice: User;
  let bob: User;
  let aliceProject: string;
  let bobProject: string;
  beforeAll(async () => {
    const profile = { name: null, avatarUrl: null, email: null };
    alice = await upsertGitHubUser(t.db, { ...profile, githubId: 11, login: 'alice' });
    bob = await upsertGitHubUser(t.db, { ...profile, githubId: 12, login: 'bob' });
    const input = { name: 'bot', config: {}, configSchemaVersion: 1 };
    aliceProject = (await createProject(t.db, alice.id, input)).id;
    bobProject = (await createProject(t.db, bob.id, input)).id;
  });

  const key = (externalId: string, projectId = aliceProject) => ({
    projectId,
    source: 'workflow_run' as const,
    externalId,
  });

  test('saveDeployment inserts, then merges through the rule, one row per key', async () => {
    const started: DeploymentFacts = { status: 'in_progress', commitSha: 'abc' };
    const first = await saveDeployment(t.db, key('1'), started, merge);
    expect(first).toMatchObject({ status: 'in_progress', commitSha: 'abc' });
    const done = await saveDeployment(t.db, key('1'), { status: 'success' }, merge);
    expect(done).toMatchObject({ id: first?.id, status: 'success', commitSha: 'abc' });
    expect(done?.updatedAt.getTime()).toBeGreaterThanOrEqual(first?.updatedAt.getTime() ?? 0);
    expect(await saveDeployment(t.db, key('1'), started, merge)).toBeUndefined();
    const rows = await t.db
      .selectFrom('deployments')
      .selectAll()
      .where('externalId', '=', '1')
      .execute();
    expect(rows.map((r) => r.status)).toEqual(['success']);
  });

  test('concurrent saves of one key end in one row', async () => {
    await Promise.all(
      Array.from({ length: 5 }, () =>
        saveDeployment(t.db, key('2'), { status: 'in_progress' }, merge),
      ),
    );
    const rows = await t.db
      .selectFrom('deployments')
      .select('id')
      .where('externalId', '=', '2')
      .execute();
    expect(rows).toHaveLength(1);
  });

  test('lists are owner-scoped, filterable and paged without skipping equal timestamps', async () => {
    await saveDeployment(t.db, key('b1', bobProject), { status: 'failure' }, merge);
    const createdAt = new Date('2026-11-01T00:00:00.123Z');
    for (const id of ['p1', 'p2', 'p3']) {
      await t.db
        .insertInto('deployments')
        .values({ ...key(id), status: 'failure', createdAt })
        .execute();
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof listDeployments>> = await listDeployments(
        t.db,
        alice.id,
        { limit: 2, cursor, status: 'failure' },
      );
      seen.push(...page.items.map((d) => d.externalId));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual(['p1', 'p2', 'p3']);
    const all = await listDeployments(t.db, alice.id, { limit: 50 });
    expect(all.items.every((d) => d.projectId === aliceProject && d.projectName === 'bot')).toBe(
      true,
    );
    expect(await listDeploymentTimings(t.db, bob.id)).toHaveLength(1);
    const changes = await listDeploymentChanges(t.db, bob.id, { since: new Date(0) });
    expect(changes.map((c) => c.externalId)).toEqual(['b1']);
  });

  test('a deployment of another owner’s project as the cursor is an empty page', async () => {
    // Newer than all of Alice's: unscoped, it would page through hers and date itself.
    const foreign = await saveDeployment(t.db, key('b2', bobProject), { status: 'success' }, merge);
    const page = await listDeployments(t.db, alice.id, { limit: 5, cursor: foreign?.id });
    expect(page).toEqual({ items: [], nextCursor: null });
    const first = await listDeployments(t.db, alice.id, { limit: 1 });
    const next = await listDeployments(t.db, alice.id, { limit: 50, cursor: first.nextCursor });
    expect(next.items.length).toBeGreaterThan(0);
  });

  test('a delivery is stored once per (hook id, delivery id)', async () => {
    const input = {
      hookId: '9',
      deliveryId: 'd-1',
      projectId: aliceProject,
      event: 'ping',
      action: null,
      payload: { hook_id: 9, zen: 'Speak like a human.' },
    };
    const first = await recordDelivery(t.db, input);
    const again = await recordDelivery(t.db, input);
    expect(first.inserted).toBe(true);
    expect(again).toEqual({ delivery: first.delivery, inserted: false });
    await expect(recordDelivery(t.db, { ...input, hookId: '10' })).resolves.toMatchObject({
      inserted: true,
    });
  });
});
