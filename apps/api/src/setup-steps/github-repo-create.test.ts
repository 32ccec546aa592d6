import { describeEachDatabase } from '@botsmith/db/testing';
import { scaledTimeout } from '@botsmith/test-kit';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type SetupHarness, startSetupHarness } from '../testing/setup-harness';
import { reachStep } from '../testing/step-harness';

describeEachDatabase('github:repo:create run twice', (t) => {
  let h: SetupHarness;
  beforeAll(async () => {
    h = await startSetupHarness(t.db, { withWorker: false });
  }, scaledTimeout(60_000));
  afterAll(() => h.stop());

  test(
    'creates one repository; the rerun adopts it',
    async () => {
      const { caller } = await h.signIn('octocat');
      const step = await reachStep(h, t.db, caller, 'github:repo:create', 'twice-repo-bot');

      const first = await step.run();
      const second = await step.run();

      expect(first).toMatchObject({
        status: 'succeeded',
        message: 'Created octocat/twice-repo-bot.',
        output: { fullName: 'octocat/twice-repo-bot', defaultBranch: 'main', adopted: false },
      });
      if (first.status !== 'succeeded') throw new Error('the first run did not succeed');
      expect(second).toEqual({
        status: 'succeeded',
        message: 'Found octocat/twice-repo-bot, created before a restart.',
        output: { ...first.output, adopted: true },
      });
      const repos = [...h.github.store.state.repos.values()].filter(
        (repo) => repo.name === 'twice-repo-bot',
      );
      expect(repos).toHaveLength(1);
      expect(step.calls('POST', '/user/repos').map((call) => call.status)).toEqual([201, 422]);
      const project = await t.db
        .selectFrom('projects')
        .select(['repoFullName', 'repoId'])
        .where('id', '=', step.projectId)
        .executeTakeFirstOrThrow();
      expect(project).toEqual({ repoFullName: 'octocat/twice-repo-bot', repoId: repos[0]?.id });
    },
    scaledTimeout(60_000),
  );
});
