import { scaledTimeout } from '@botsmith/test-kit';
import { expect, test } from 'vitest';
import { describeWithSetupHarness } from '../testing/setup-harness';
import { reachStep } from '../testing/step-harness';

describeWithSetupHarness('github:branch:protect run twice', (s) => {
  test(
    'protects the branch with one write',
    async () => {
      const { caller } = await s.h.signIn('octocat');
      const step = await reachStep(s.h, s.db, caller, 'github:branch:protect', 'twice-protect-bot');

      const first = await step.run();
      const second = await step.run();

      const contexts = ['Test (Node 24)', 'Test (Node 26)'];
      const done = { status: 'succeeded', output: { branch: 'main', contexts } };
      expect(first).toMatchObject(done);
      expect(second).toMatchObject(done);
      const path = '/repos/octocat/twice-protect-bot/branches/main/protection';
      expect(step.calls('PUT', path)).toHaveLength(1);
      const repo = s.h.github.store.repo('octocat', 'twice-protect-bot');
      expect(repo?.branchProtection.size).toBe(1);
      expect(repo?.branchProtection.get('main')).toMatchObject({
        required_status_checks: { strict: true, contexts },
      });
    },
    scaledTimeout(60_000),
  );
});
