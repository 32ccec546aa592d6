import { clearProjectRepo, saveProjectRepo } from '@botsmith/db';
import { TRPCError } from '@trpc/server';
import { githubStatus } from '../github/github-errors';
import { PermanentGitHubError } from '../setup/github-retry';
import type { SetupStep, StepContext } from './setup-step';
import { githubRepoCreateOutput } from './step-outputs';

/** How much older than the run an existing repo may be and still count as ours (clock skew). */
const ADOPT_WINDOW_MS = 60_000;

async function isOwnAccount(ctx: StepContext, owner: string): Promise<boolean> {
  const me = await ctx.github.rest.users.getAuthenticated();
  return me.data.login.toLowerCase() === owner.toLowerCase();
}

/**
 * Creates the repository with `auto_init` (the Git Data API refuses an empty one). When a
 * rerun finds it already there (the process died after GitHub created it), it adopts it —
 * but only a repo created since this run started, never someone's older one. Undo deletes
 * it, only when the user typed its full name; GitHub refuses without `delete_repo`, which
 * Botsmith does not request, and that refusal is reported with the settings link.
 */
export const githubRepoCreateStep: SetupStep<'github:repo:create', typeof githubRepoCreateOutput> =
  {
    id: 'github:repo:create',
    description:
      'Creates the repository (with an initial commit), or adopts its own after a restart.',
    output: githubRepoCreateOutput,
    async run(ctx) {
      const { run } = ctx;
      const owner = run.repoOwner;
      const repo = run.repoName;
      ctx.log.info({ repo: `${owner}/${repo}` }, 'creating the repository');
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
        const created = await (isUser
          ? ctx.github.rest.repos.createForAuthenticatedUser(body)
          : ctx.github.rest.repos.createInOrg({ org: owner, ...body }));
        data = created.data;
      } catch (error) {
        // GitHub's 422 for a taken name: ours if this run created it before a crash.
        if (!(error instanceof PermanentGitHubError) || error.status !== 422) throw error;
        const existing = await ctx.github.rest.repos.get({ owner, repo });
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
      await saveProjectRepo(ctx.db, run.userId, run.projectId, {
        fullName: data.full_name,
        id: data.id,
        defaultBranch: data.default_branch,
      });
      ctx.log.info({ repo: data.full_name, adopted }, 'repository ready');
      return {
        status: 'succeeded',
        message: adopted
          ? `Found ${data.full_name}, created before a restart.`
          : `Created ${data.full_name}.`,
        output: {
          repoId: data.id,
          fullName: data.full_name,
          htmlUrl: data.html_url,
          defaultBranch: data.default_branch,
          adopted,
        },
      };
    },

    async undo(ctx) {
      const created = ctx.outputOf('github:repo:create');
      const confirmed = ctx.confirmRepoFullName;
      if (!created || confirmed === undefined) return null;
      const { fullName } = created;
      if (confirmed !== fullName) {
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message: `Type ${fullName} exactly to delete the repository.`,
        });
      }
      const [owner = '', repo = ''] = fullName.split('/');
      try {
        await ctx.github.rest.repos.delete({ owner, repo });
      } catch (error) {
        const status = githubStatus(error);
        if (status === 403) {
          const settingsUrl = `${created.htmlUrl}/settings`;
          const message = `GitHub refused to delete ${fullName}: Botsmith does not ask for the delete_repo permission. Delete it yourself at ${settingsUrl} (Danger Zone → Delete this repository).`;
          return {
            rolledBack: false,
            message,
            result: { repo: { status: 'refused', settingsUrl, message } },
          };
        }
        // Already gone is what we wanted.
        if (status !== 404) throw error;
      }
      await clearProjectRepo(ctx.db, ctx.run.userId, ctx.run.projectId);
      return {
        rolledBack: true,
        message: `Deleted ${fullName}.`,
        result: { repo: { status: 'deleted' } },
      };
    },
  };
