import type { SetupStep } from '../step-types';

/** Requires the CI checks before merging into the default branch (PUT is idempotent). */
export const branchProtectionStep: SetupStep = {
  name: 'branch_protection',
  async run(ctx) {
    const [owner = '', repo = ''] = String(ctx.outputs.create_repo?.fullName ?? '').split('/');
    const branch = String(ctx.outputs.create_repo?.defaultBranch ?? 'main');
    const contexts = ctx.plan.requiredChecks;
    await ctx.github(() =>
      ctx.octokit.rest.repos.updateBranchProtection({
        owner,
        repo,
        branch,
        required_status_checks: { strict: true, contexts },
        enforce_admins: false,
        required_pull_request_reviews: null,
        restrictions: null,
      }),
    );
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
