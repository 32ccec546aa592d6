import { scaledTimeout } from '@botsmith/test-kit';
import { beforeAll, expect, test } from 'vitest';
import { describeWithSetupHarness } from '../testing/setup-harness';
import { reachStep } from '../testing/step-harness';

describeWithSetupHarness('github:workflow:await-first-run run twice', (s) => {
  beforeAll(() => {
    s.h.github.store.state.settings.autoRuns = { conclusion: 'failure', delayMs: 50 };
  });

  test(
    'records each first run once, dispatches nothing, keeps its deadline',
    async () => {
      const { caller } = await s.h.signIn('octocat');
      const name = 'twice-first-run-bot';
      const step = await reachStep(s.h, s.db, caller, 'github:workflow:await-first-run', name);

      const first = await step.run();
      const second = await step.run();

      expect(first).toMatchObject({
        status: 'succeeded',
        output: { status: 'completed', conclusion: 'failure', failingJob: expect.any(String) },
      });
      // Same run, same failing job, same deadline: the rerun picked up where the first left off.
      expect(second).toEqual(first);
      const repo = s.h.github.store.repo('octocat', name);
      expect(repo?.dispatches).toEqual([]);
      const deployments = await s.db
        .selectFrom('deployments')
        .select(['source', 'externalId', 'status', 'failingJob'])
        .where('projectId', '=', step.projectId)
        .execute();
      // One row per run the commit started (the initial commit has no workflows to run).
      expect(deployments.length).toBeGreaterThan(0);
      expect(deployments).toHaveLength(repo?.runs.length ?? -1);
      expect(new Set(deployments.map((d) => d.externalId)).size).toBe(deployments.length);
      expect(deployments.every((d) => d.source === 'workflow_run')).toBe(true);
      const activities = await s.db
        .selectFrom('activities')
        .select('action')
        .where('projectId', '=', step.projectId)
        .where('action', '=', 'deployment.updated')
        .execute();
      expect(activities).toHaveLength(deployments.length);
    },
    scaledTimeout(60_000),
  );
});
