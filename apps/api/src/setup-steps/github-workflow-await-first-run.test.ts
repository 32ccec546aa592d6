import { describeEachDatabase } from '@botsmith/db/testing';
import { scaledTimeout } from '@botsmith/test-kit';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type SetupHarness, startSetupHarness } from '../testing/setup-harness';
import { reachStep } from '../testing/step-harness';

describeEachDatabase('github:workflow:await-first-run run twice', (t) => {
  let h: SetupHarness;
  beforeAll(async () => {
    h = await startSetupHarness(t.db, { withWorker: false });
    h.github.store.state.settings.autoRuns = { conclusion: 'failure', delayMs: 50 };
  }, scaledTimeout(60_000));
  afterAll(() => h.stop());

  test(
    'records each first run once, dispatches nothing, keeps its deadline',
    async () => {
      const { caller } = await h.signIn('octocat');
      const name = 'twice-first-run-bot';
      const step = await reachStep(h, t.db, caller, 'github:workflow:await-first-run', name);

      const first = await step.run();
      const second = await step.run();

      expect(first).toMatchObject({
        status: 'succeeded',
        output: { status: 'completed', conclusion: 'failure', failingJob: expect.any(String) },
      });
      // Same run, same failing job, same deadline: the rerun picked up where the first left off.
      expect(second).toEqual(first);
      const repo = h.github.store.repo('octocat', name);
      expect(repo?.dispatches).toEqual([]);
      const deployments = await t.db
        .selectFrom('deployments')
        .select(['source', 'externalId', 'status', 'failingJob'])
        .where('projectId', '=', step.projectId)
        .execute();
      // One row per run the commit started (the initial commit has no workflows to run).
      expect(deployments.length).toBeGreaterThan(0);
      expect(deployments).toHaveLength(repo?.runs.length ?? -1);
      expect(new Set(deployments.map((d) => d.externalId)).size).toBe(deployments.length);
      expect(deployments.every((d) => d.source === 'workflow_run')).toBe(true);
      const activities = await t.db
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
