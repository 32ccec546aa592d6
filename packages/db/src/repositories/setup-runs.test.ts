import { sql } from 'kysely';
import { beforeAll, expect, test } from 'vitest';
import type { User } from '../tables/users';
import { describeEachDatabase } from '../testing';
import { createProject } from './projects';
import {
  acquireSetupLease,
  findLatestSetupRun,
  findSetupRun,
  insertSetupRun,
  listOrphanedSetupRuns,
  listSetupSteps,
  releaseSetupLease,
  renewSetupLease,
  setSetupRunStatus,
  transitionSetupStep,
} from './setup-runs';
import { upsertGitHubUser } from './users';

describeEachDatabase('setup runs repository', (t) => {
  let alice: User;
  let bob: User;
  beforeAll(async () => {
    const profile = { name: null, avatarUrl: null, email: null };
    alice = await upsertGitHubUser(t.db, { ...profile, githubId: 11, login: 'alice' });
    bob = await upsertGitHubUser(t.db, { ...profile, githubId: 12, login: 'bob' });
  });

  const newRun = async (name: string) => {
    const project = await createProject(t.db, alice.id, {
      name,
      config: {},
      configSchemaVersion: 1,
    });
    return insertSetupRun(t.db, {
      projectId: project.id,
      userId: alice.id,
      repoOwner: 'alice',
      repoName: name,
      visibility: 'public',
      plan: { branchProtection: false },
      steps: [
        { name: 'github:repo:create', skipped: false },
        { name: 'github:branch:protect', skipped: true },
      ],
    });
  };

  test('stores the run with its steps in order; reads are owner-scoped', async () => {
    const run = await newRun('one');
    expect(run).toMatchObject({
      status: 'queued',
      plan: { branchProtection: false },
      leaseOwner: null,
    });
    expect((await listSetupSteps(t.db, run.id)).map((s) => [s.name, s.status, s.position])).toEqual(
      [
        ['github:repo:create', 'pending', 0],
        ['github:branch:protect', 'skipped', 1],
      ],
    );
    expect(await findSetupRun(t.db, alice.id, run.id)).toMatchObject({ id: run.id });
    expect(await findSetupRun(t.db, bob.id, run.id)).toBeUndefined();
    expect(await findLatestSetupRun(t.db, bob.id, run.projectId)).toBeUndefined();
    expect((await findLatestSetupRun(t.db, alice.id, run.projectId))?.id).toBe(run.id);
  });

  test('one lease at a time; it can be renewed by its owner and is free again once expired', async () => {
    const run = await newRun('two');
    expect(await acquireSetupLease(t.db, run.id, 'worker-a', 60_000)).toBe(true);
    expect(await acquireSetupLease(t.db, run.id, 'worker-b', 60_000)).toBe(false);
    expect(await renewSetupLease(t.db, run.id, 'worker-a', 60_000)).toBe(true);
    expect(await renewSetupLease(t.db, run.id, 'worker-b', 60_000)).toBe(false);
    expect(await listOrphanedSetupRuns(t.db, 60_000)).not.toContain(run.id);

    // The holder died: its lease runs out and the sweep sees the run.
    await t.db
      .updateTable('setupRuns')
      .set({ leaseExpiresAt: sql<Date>`now() - interval '1 second'` })
      .where('id', '=', run.id)
      .execute();
    expect(await listOrphanedSetupRuns(t.db, 60_000)).toContain(run.id);
    expect(await acquireSetupLease(t.db, run.id, 'worker-b', 60_000)).toBe(true);
    await releaseSetupLease(t.db, run.id, 'worker-b');
    expect((await findSetupRun(t.db, alice.id, run.id))?.leaseOwner).toBeNull();
  });

  test('finished runs cannot be leased; step transitions happen once', async () => {
    const run = await newRun('three');
    expect(
      await setSetupRunStatus(t.db, run.id, 'failed', { from: ['queued'], completed: true }),
    ).toBe(true);
    expect(await setSetupRunStatus(t.db, run.id, 'succeeded', { from: ['queued'] })).toBe(false);
    expect(await acquireSetupLease(t.db, run.id, 'worker-a', 60_000)).toBe(false);
    expect(
      await transitionSetupStep(t.db, run.id, 'github:repo:create', ['pending'], {
        status: 'running',
      }),
    ).toBe(true);
    expect(
      await transitionSetupStep(t.db, run.id, 'github:repo:create', ['pending'], {
        status: 'running',
      }),
    ).toBe(false);
  });
});
