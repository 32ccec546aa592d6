import { PRODUCTION_ENVIRONMENT } from '@botsmith/shared';
import { githubStatus } from '../github/github-errors';
import { PermanentGitHubError } from '../setup/github-retry';
import type { SetupStep } from './setup-step';
import { githubEnvironmentCreateOutput } from './step-outputs';

/** Deploys come only from branches named by custom policies (the default branch, below). */
const CUSTOM_BRANCH_POLICY = { protected_branches: false, custom_branch_policies: true };

/**
 * Creates the `production` environment every ledger value lives in and the deploy workflow
 * runs in: only the default branch may deploy to it, and for medium and large teams the
 * signed-in user must approve each deploy. GitHub refuses required reviewers on plans
 * without them (422); the environment then keeps the branch policy alone and the message
 * says so. GitHub's PUT is idempotent and the branch policy is looked for before it is
 * added, so a rerun changes nothing.
 */
export const githubEnvironmentCreateStep: SetupStep<
  'github:environment:create',
  typeof githubEnvironmentCreateOutput
> = {
  id: 'github:environment:create',
  description:
    'Creates the production environment: deploys only from the default branch, reviewed for larger teams.',
  output: githubEnvironmentCreateOutput,
  async run(ctx) {
    const { owner, name: repo, defaultBranch: branch } = ctx.repo;
    const environment = { owner, repo, environment_name: PRODUCTION_ENVIRONMENT };
    ctx.log.info(
      { environment: PRODUCTION_ENVIRONMENT, requiredReviewers: ctx.plan.requiredReviewers },
      'creating the production environment',
    );
    let reviewers = false;
    let refused: string | null = null;
    if (ctx.plan.requiredReviewers) {
      const reviewerId = await ctx.checkpoint('reviewer', async () => {
        const { data } = await ctx.github.rest.users.getAuthenticated();
        return data.id;
      });
      try {
        await ctx.github.rest.repos.createOrUpdateEnvironment({
          ...environment,
          reviewers: [{ type: 'User', id: reviewerId }],
          deployment_branch_policy: CUSTOM_BRANCH_POLICY,
        });
        reviewers = true;
      } catch (error) {
        if (!(error instanceof PermanentGitHubError) || error.status !== 422) throw error;
        refused = error.message;
        ctx.log.info({ refused }, 'GitHub refused required reviewers; keeping the branch policy');
      }
    }
    if (!reviewers) {
      await ctx.github.rest.repos.createOrUpdateEnvironment({
        ...environment,
        deployment_branch_policy: CUSTOM_BRANCH_POLICY,
      });
    }
    const policies = await ctx.github.paginate(ctx.github.rest.repos.listDeploymentBranchPolicies, {
      ...environment,
      per_page: 100,
    });
    if (!policies.some((policy) => policy.name === branch && policy.type !== 'tag')) {
      await ctx.github.rest.repos.createDeploymentBranchPolicy({
        ...environment,
        name: branch,
        type: 'branch',
      });
    }
    ctx.log.info({ reviewers, branch }, 'created the production environment');
    const only = `Only ${branch} may deploy to ${PRODUCTION_ENVIRONMENT}`;
    return {
      status: 'succeeded',
      message: reviewers
        ? `${only}, and each deploy waits for your approval.`
        : refused
          ? `${only}. GitHub's plan for this repository has no required reviewers, so deploys start without an approval.`
          : `${only}.`,
      output: { environment: PRODUCTION_ENVIRONMENT, branch, requiredReviewers: reviewers },
    };
  },
  async undo(ctx) {
    const repo = ctx.outputOf('github:repo:create');
    if (!repo || !ctx.outputOf('github:environment:create')) return null;
    const [owner = '', name = ''] = repo.fullName.split('/');
    try {
      await ctx.github.rest.repos.deleteAnEnvironment({
        owner,
        repo: name,
        environment_name: PRODUCTION_ENVIRONMENT,
      });
    } catch (error) {
      if (githubStatus(error) !== 404) throw error;
    }
    return {
      rolledBack: true,
      message: 'Environment deleted, with its secrets and variables.',
      result: {},
    };
  },
};
