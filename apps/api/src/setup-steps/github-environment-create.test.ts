import { buildConfigSchema } from '@botsmith/shared';
import { scaledTimeout } from '@botsmith/test-kit';
import { expect, test } from 'vitest';
import { describeWithSetupHarness } from '../testing/setup-harness';
import { reachStep } from '../testing/step-harness';

const teamOf = (size: 'solo' | 'medium', name: string) =>
  buildConfigSchema.parse({ project: { name }, team: { size } });

describeWithSetupHarness('github:environment:create run twice', (s) => {
  const environmentOf = (name: string) =>
    s.h.github.store.repo('octocat', name)?.environments.get('production');

  test(
    'a small team: production deploys only from main, one branch policy, no reviewers',
    async () => {
      const { caller } = await s.h.signIn('octocat');
      const name = 'env-solo-bot';
      const step = await reachStep(s.h, s.db, caller, 'github:environment:create', name, {
        config: teamOf('solo', name),
      });
      const first = await step.run();
      const second = await step.run();
      const done = {
        status: 'succeeded',
        output: { environment: 'production', branch: 'main', requiredReviewers: false },
      };
      expect(first).toMatchObject(done);
      expect(second).toMatchObject(done);
      const path = `/repos/octocat/${name}/environments/production/deployment-branch-policies`;
      expect(step.calls('POST', path)).toHaveLength(1);
      expect(environmentOf(name)).toMatchObject({
        reviewers: [],
        deploymentBranchPolicy: { protectedBranches: false, customBranchPolicies: true },
        branchPolicies: [expect.objectContaining({ name: 'main', type: 'branch' })],
      });
    },
    scaledTimeout(60_000),
  );

  test(
    'a medium team: each deploy waits for the signed-in user',
    async () => {
      const { caller } = await s.h.signIn('octocat');
      const name = 'env-team-bot';
      const step = await reachStep(s.h, s.db, caller, 'github:environment:create', name, {
        config: teamOf('medium', name),
      });
      expect(await step.run()).toMatchObject({
        status: 'succeeded',
        message: expect.stringContaining('waits for your approval'),
        output: { requiredReviewers: true },
      });
      await step.run();
      const octocatId = s.h.github.store.state.users.get('octocat')?.id;
      expect(environmentOf(name)?.reviewers).toEqual([{ type: 'User', id: octocatId }]);
      expect(environmentOf(name)?.branchPolicies).toHaveLength(1);
    },
    scaledTimeout(60_000),
  );

  test(
    'GitHub refusing reviewers on the plan (422): the branch policy alone, and the message says so',
    async () => {
      const { caller } = await s.h.signIn('octocat');
      const name = 'env-private-bot';
      const step = await reachStep(s.h, s.db, caller, 'github:environment:create', name, {
        config: teamOf('medium', name),
        visibility: 'private',
        branchProtection: false,
      });
      expect(await step.run()).toMatchObject({
        status: 'succeeded',
        message: expect.stringContaining('no required reviewers'),
        output: { requiredReviewers: false },
      });
      expect(environmentOf(name)).toMatchObject({
        reviewers: [],
        branchPolicies: [expect.objectContaining({ name: 'main' })],
      });
    },
    scaledTimeout(60_000),
  );
});
