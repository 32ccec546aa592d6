import { saveProjectRepo } from '@botsmith/db';
import { PermanentGitHubError } from '../github-retry';
import type { SetupStep } from '../step-types';

/** How much older than the run an existing repo may be and still count as ours (clock skew). */
const ADOPT_WINDOW_MS = 60_000;

/**
 * Creates the repository with `auto_init` (the Git Data API refuses an empty one). When a
 * rerun finds it already there (the process died after GitHub created it), it adopts it —
 * but only a repo created since this run started, never someone's older one.
 */
export const createRepoStep: SetupStep = {
  name: 'create_repo',
  async run(ctx) {
    const { run } = ctx;
    const owner = run.repoOwner;
    const repo = run.repoName;
    const isUser = await isOwnAccount(ctx, owner);
    let data: {
      id: number;
      full_name: string;
      html_url: string;
      default_branch: string;
      created_at: string | null;
    };
    let adopted = false;
    try {
      const body = {
        name: repo,
        private: run.visibility === 'private',
        auto_init: true,
        description: 'Built with Botsmith.',
      };
      const created = await ctx.github(() =>
        isUser
          ? ctx.octokit.rest.repos.createForAuthenticatedUser(body)
          : ctx.octokit.rest.repos.createInOrg({ org: owner, ...body }),
      );
      data = created.data;
    } catch (error) {
      if (!(error instanceof PermanentGitHubError) || error.status !== 422) throw error;
      const existing = await ctx.github(() => ctx.octokit.rest.repos.get({ owner, repo }));
      const createdAt = Date.parse(existing.data.created_at ?? '');
      if (!(createdAt >= run.createdAt.getTime() - ADOPT_WINDOW_MS)) {
        throw new PermanentGitHubError(
          422,
          `${owner}/${repo} already exists and was not created by this setup.`,
        );
      }
      data = existing.data;
      adopted = true;
    }
    const output = {
      repoId: data.id,
      fullName: data.full_name,
      htmlUrl: data.html_url,
      defaultBranch: data.default_branch,
      adopted,
    };
    await saveProjectRepo(ctx.db, run.userId, run.projectId, {
      fullName: data.full_name,
      id: data.id,
      defaultBranch: data.default_branch,
    });
    return {
      status: 'succeeded',
      message: adopted
        ? `Found ${data.full_name}, created before a restart.`
        : `Created ${data.full_name}.`,
      output,
    };
  },
};

async function isOwnAccount(ctx: Parameters<SetupStep['run']>[0], owner: string): Promise<boolean> {
  const me = await ctx.github(() => ctx.octokit.rest.users.getAuthenticated());
  return me.data.login.toLowerCase() === owner.toLowerCase();
}
