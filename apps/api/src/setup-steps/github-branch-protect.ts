import type { SetupStep } from './setup-step';
import { githubBranchProtectOutput } from './step-outputs';

/**
 * Requires the CI checks before merging into the default branch. GitHub's PUT replaces the
 * protection whole, and a checkpoint keyed by the branch keeps a rerun from sending it again.
 */
export const githubBranchProtectStep: SetupStep<
  'github:branch:protect',
  typeof githubBranchProtectOutput
> = {
  id: 'github:branch:protect',
  description: 'Protects the default branch: merging needs the CI checks to pass.',
  output: githubBranchProtectOutput,
  async run(ctx) {
    const { owner, name: repo, defaultBranch: branch } = ctx.repo;
    const contexts = ctx.plan.requiredChecks;
    ctx.log.info({ branch, contexts }, 'protecting the default branch');
    await ctx.checkpoint(`protection:${branch}`, async () => {
      await ctx.github.rest.repos.updateBranchProtection({
        owner,
        repo,
        branch,
        required_status_checks: { strict: true, contexts },
        enforce_admins: false,
        required_pull_request_reviews: null,
        restrictions: null,
      });
      return true;
    });
    ctx.log.info({ branch }, 'protected the default branch');
    return {
      status: 'succeeded',
      message:
        contexts.length > 0
          ? `Merging into ${branch} needs ${contexts.join(', ')} to pass.`
          : `Protected ${branch}.`,
      output: { branch, contexts },
    };
  },
};
