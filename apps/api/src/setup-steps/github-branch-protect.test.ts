import { describeEachDatabase } from '@botsmith/db/testing';
import { scaledTimeout } from '@botsmith/test-kit';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type SetupHarness, startSetupHarness } from '../testing/setup-harness';
import { reachStep } from '../testing/step-harness';

describeEachDatabase('github:branch:protect run twice', (t) => {
  let h: SetupHarness;
  beforeAll(async () => {
    h = await startSetupHarness(t.db, { withWorker: false });
  }, scaledTimeout(60_000));
  afterAll(() => h.stop());

  test(
    'protects the branch with one write',
    async () => {
      const { caller } = await h.signIn('octocat');
      const step = await reachStep(h, t.db, caller, 'github:branch:protect', 'twice-protect-bot');

      const first = await step.run();
      const second = await step.run();

      const contexts = ['Test (Node 24)', 'Test (Node 26)'];
      const done = { status: 'succeeded', output: { branch: 'main', contexts } };
      expect(first).toMatchObject(done);
      expect(second).toMatchObject(done);
      const path = '/repos/octocat/twice-protect-bot/branches/main/protection';
      expect(step.calls('PUT', path)).toHaveLength(1);
      const repo = h.github.store.repo('octocat', 'twice-protect-bot');
      expect(repo?.branchProtection.size).toBe(1);
      expect(repo?.branchProtection.get('main')).toMatchObject({
        required_status_checks: { strict: true, contexts },
      });
    },
    scaledTimeout(60_000),
  );
});
