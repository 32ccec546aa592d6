import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { readableRepo, writableRepo } from '../auth';
import { type EmulatorContext, urlsFor } from '../context';
import { GitHubError } from '../errors';
import { paginate } from '../http/paginate';
import { parseBody } from '../http/validate';
import type { Urls } from '../json/urls';
import type { EmulatorState, Repo } from '../state';

type Params = { owner: string; repo: string; branch: string };

// GitHub requires all four keys, each of which may be null.
const protectionSchema = z.object({
  required_status_checks: z
    .object({
      strict: z.boolean(),
      contexts: z.array(z.string()).optional(),
      checks: z.array(z.object({ context: z.string(), app_id: z.number().optional() })).optional(),
    })
    .nullable(),
  enforce_admins: z.boolean().nullable(),
  required_pull_request_reviews: z
    .object({
      dismiss_stale_reviews: z.boolean().optional(),
      require_code_owner_reviews: z.boolean().optional(),
      required_approving_review_count: z.number().int().min(0).max(6).optional(),
      require_last_push_approval: z.boolean().optional(),
    })
    .nullable(),
  restrictions: z
    .object({
      users: z.array(z.string()),
      teams: z.array(z.string()),
      apps: z.array(z.string()).optional(),
    })
    .nullable(),
  required_linear_history: z.boolean().optional(),
  allow_force_pushes: z.boolean().nullable().optional(),
  allow_deletions: z.boolean().optional(),
  block_creations: z.boolean().optional(),
  required_conversation_resolution: z.boolean().optional(),
  lock_branch: z.boolean().optional(),
  allow_fork_syncing: z.boolean().optional(),
});

function protectionJson(
  urls: Urls,
  repo: Repo,
  branch: string,
  input: z.infer<typeof protectionSchema>,
) {
  const url = `${urls.api}/repos/${repo.owner}/${repo.name}/branches/${branch}/protection`;
  const flag = (enabled: boolean | null | undefined) => ({ enabled: enabled ?? false });
  const checks = input.required_status_checks;
  const reviews = input.required_pull_request_reviews;
  return {
    url,
    ...(checks
      ? {
          required_status_checks: {
            url: `${url}/required_status_checks`,
            strict: checks.strict,
            contexts: checks.contexts ?? checks.checks?.map((c) => c.context) ?? [],
            contexts_url: `${url}/required_status_checks/contexts`,
            checks:
              checks.checks ??
              (checks.contexts ?? []).map((context) => ({ context, app_id: null })),
          },
        }
      : {}),
    ...(reviews
      ? {
          required_pull_request_reviews: {
            url: `${url}/required_pull_request_reviews`,
            dismiss_stale_reviews: reviews.dismiss_stale_reviews ?? false,
            require_code_owner_reviews: reviews.require_code_owner_reviews ?? false,
            required_approving_review_count: reviews.required_approving_review_count ?? 1,
            require_last_push_approval: reviews.require_last_push_approval ?? false,
          },
        }
      : {}),
    ...(input.restrictions
      ? { restrictions: { url: `${url}/restrictions`, users: [], teams: [], apps: [] } }
      : {}),
    required_signatures: { url: `${url}/required_signatures`, enabled: false },
    enforce_admins: { url: `${url}/enforce_admins`, enabled: input.enforce_admins ?? false },
    required_linear_history: flag(input.required_linear_history),
    allow_force_pushes: flag(input.allow_force_pushes),
    allow_deletions: flag(input.allow_deletions),
    block_creations: flag(input.block_creations),
    required_conversation_resolution: flag(input.required_conversation_resolution),
    lock_branch: flag(input.lock_branch),
    allow_fork_syncing: flag(input.allow_fork_syncing),
  };
}

function ownerPlan(state: EmulatorState, repo: Repo): string {
  if (repo.ownerType === 'Organization')
    return state.orgs.get(repo.owner.toLowerCase())?.plan ?? 'free';
  return state.users.get(repo.owner.toLowerCase())?.plan ?? 'free';
}

function branchNotFound(): GitHubError {
  return new GitHubError(404, 'Branch not found', {
    documentationUrl: 'https://docs.github.com/rest/branches/branch-protection',
  });
}

function branchJson(urls: Urls, repo: Repo, name: string, sha: string) {
  const api = `${urls.api}/repos/${repo.owner}/${repo.name}`;
  return {
    name,
    commit: { sha, url: `${api}/commits/${sha}` },
    protected: repo.branchProtection.has(name),
    protection_url: `${api}/branches/${name}/protection`,
  };
}

/** `/branches`, `/branches/:branch` and `/branches/:branch/protection`. */
export function registerBranchRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  app.get('/repos/:owner/:repo/branches', async (request, reply) => {
    const { owner, repo: name } = request.params as Params;
    const { repo } = readableRepo(ctx.store.state, request, owner, name);
    const urls = urlsFor(ctx, request);
    const branches = [...repo.git.refs]
      .filter(([ref]) => ref.startsWith('refs/heads/'))
      .map(([ref, sha]) => branchJson(urls, repo, ref.slice('refs/heads/'.length), sha));
    return paginate(request, reply, branches);
  });

  app.get('/repos/:owner/:repo/branches/:branch', async (request) => {
    const { owner, repo: name, branch } = request.params as Params;
    const { repo } = readableRepo(ctx.store.state, request, owner, name);
    const sha = repo.git.refs.get(`refs/heads/${branch}`);
    if (!sha) throw branchNotFound();
    return branchJson(urlsFor(ctx, request), repo, branch, sha);
  });

  app.put('/repos/:owner/:repo/branches/:branch/protection', async (request) => {
    const state = ctx.store.state;
    const { owner, repo: name, branch } = request.params as Params;
    const { repo } = writableRepo(state, request, owner, name, { admin: true, scopes: ['repo'] });
    // Free plans get branch protection only on public repositories.
    if (repo.private && ownerPlan(state, repo) === 'free') {
      throw new GitHubError(
        403,
        'Upgrade to GitHub Pro or make this repository public to enable this feature.',
        {
          documentationUrl:
            'https://docs.github.com/rest/branches/branch-protection#update-branch-protection',
        },
      );
    }
    if (!repo.git.refs.has(`refs/heads/${branch}`)) throw branchNotFound();
    const input = parseBody(protectionSchema, request.body);
    repo.branchProtection.set(branch, input);
    return protectionJson(urlsFor(ctx, request), repo, branch, input);
  });

  app.get('/repos/:owner/:repo/branches/:branch/protection', async (request) => {
    const { owner, repo: name, branch } = request.params as Params;
    const { repo } = writableRepo(ctx.store.state, request, owner, name, {
      admin: true,
      scopes: ['repo'],
    });
    const input = repo.branchProtection.get(branch) as z.infer<typeof protectionSchema> | undefined;
    if (!input) throw new GitHubError(404, 'Branch not protected');
    return protectionJson(urlsFor(ctx, request), repo, branch, input);
  });

  app.delete('/repos/:owner/:repo/branches/:branch/protection', async (request, reply) => {
    const { owner, repo: name, branch } = request.params as Params;
    const { repo } = writableRepo(ctx.store.state, request, owner, name, {
      admin: true,
      scopes: ['repo'],
    });
    if (!repo.branchProtection.delete(branch)) throw new GitHubError(404, 'Branch not protected');
    return reply.code(204).send();
  });
}
