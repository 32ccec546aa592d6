import { scaledTimeout } from '@botsmith/test-kit';
import { expect, test } from 'vitest';
import { describeWithSetupHarness } from '../testing/setup-harness';
import { reachStep } from '../testing/step-harness';

describeWithSetupHarness('github:repo:create run twice', (s) => {
  test(
    'creates one repository; the rerun adopts it',
    async () => {
      const { caller } = await s.h.signIn('octocat');
      const step = await reachStep(s.h, s.db, caller, 'github:repo:create', 'twice-repo-bot');

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
      const repos = [...s.h.github.store.state.repos.values()].filter(
        (repo) => repo.name === 'twice-repo-bot',
      );
      expect(repos).toHaveLength(1);
      expect(step.calls('POST', '/user/repos').map((call) => call.status)).toEqual([201, 422]);
      const project = await s.db
        .selectFrom('projects')
        .select(['repoFullName', 'repoId'])
        .where('id', '=', step.projectId)
        .executeTakeFirstOrThrow();
      expect(project).toEqual({ repoFullName: 'octocat/twice-repo-bot', repoId: repos[0]?.id });
    },
    scaledTimeout(60_000),
  );
});
