import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { createDeployment, createRun, driveRun, setDeploymentState } from '../actions/runs';
import { findWorkflow, type Workflow, workflowIdFor } from '../actions/workflows';
import { type EmulatorContext, urlsFor } from '../context';
import { GitHubError, notFound } from '../errors';
import { putObject } from '../git/database';
import { createCommit } from '../git/objects';
import { buildTree } from '../git/tree-builder';
import { parseBody } from '../http/validate';
import { runJson } from '../json/actions';
import { createRepository, identityOf } from '../repos/create-repo';
import type { EmulatorState, Repo } from '../state';

type Params = { owner: string; repo: string };

const createRepoSchema = z.object({
  owner: z.string(),
  name: z.string(),
  private: z.boolean().optional(),
  description: z.string().nullish(),
  auto_init: z.boolean().optional(),
  /** Extra files committed on top of the initial commit (implies auto_init). */
  files: z.record(z.string(), z.string()).optional(),
});

const simulateSchema = z.object({
  workflow: z.string(),
  conclusion: z.enum(['success', 'failure', 'cancelled']),
  head_sha: z.string().optional(),
  branch: z.string().optional(),
  event: z.string().optional(),
  actor: z.string().optional(),
  failingJob: z.string().optional(),
  steps: z.array(z.enum(['queued', 'in_progress', 'completed'])).optional(),
  delayMs: z.number().int().min(0).max(60_000).optional(),
  /** Drive an existing (e.g. dispatched, still queued) run instead of creating one. */
  run_id: z.number().int().optional(),
  /** Answer at once and drive the run in the background. */
  background: z.boolean().optional(),
});

const simulateDeploySchema = z.object({
  environment: z.string().min(1).max(255).optional(),
  environment_url: z.url({ protocol: /^https?$/ }),
  state: z.enum(['success', 'failure', 'error', 'inactive']),
  log_url: z.url().optional(),
  /** Deploy this branch's head; the default branch otherwise. */
  branch: z.string().optional(),
  actor: z.string().optional(),
});

function findRepoOr404(ctx: EmulatorContext, params: Params): Repo {
  const repo = ctx.store.repo(params.owner, params.repo);
  if (!repo) throw notFound();
  return repo;
}

function orgAdmin(state: EmulatorState, orgLogin: string): string | undefined {
  const org = state.orgs.get(orgLogin.toLowerCase());
  return [...(org?.members ?? [])].find(([, role]) => role === 'admin')?.[0];
}

function defaultActor(state: EmulatorState, repo: Repo): string {
  return repo.ownerType === 'User' ? repo.owner : (orgAdmin(state, repo.owner) ?? repo.owner);
}

// A run for a workflow file the repository does not have still gets a stable id and one job.
function resolveWorkflow(state: EmulatorState, repo: Repo, name: string): Workflow {
  const found =
    findWorkflow(state, repo, name) ?? findWorkflow(state, repo, name.split('/').pop() ?? name);
  if (found) return found;
  const path = name.includes('/') ? name : `.github/workflows/${name}`;
  return {
    id: workflowIdFor(state, repo, path),
    path,
    name,
    triggers: ['push'],
    dispatchInputs: [],
    afterWorkflows: [],
    jobs: [],
  };
}

/** Control endpoints scoped to one repository: create, dump files, simulate runs. */
export function registerControlRepoRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  app.post('/_emulator/repos', async (request, reply) => {
    const state = ctx.store.state;
    const input = parseBody(createRepoSchema, request.body);
    const account = state.users.get(input.owner.toLowerCase());
    const org = state.orgs.get(input.owner.toLowerCase());
    if (!account && !org) throw notFound();
    const creator = account ?? state.users.get(orgAdmin(state, input.owner) ?? '');
    if (!creator)
      throw new GitHubError(422, 'organization has no admin to create the repository as');
    const repo = createRepository(
      state,
      {
        owner: account?.login ?? org?.login ?? input.owner,
        ownerType: account ? 'User' : 'Organization',
        name: input.name,
        description: input.description ?? null,
        private: input.private ?? false,
        autoInit: input.auto_init ?? input.files !== undefined,
      },
      creator,
    );
    if (input.files) {
      const head = repo.git.refs.get('refs/heads/main') as string;
      const base = repo.git.objects.get(head);
      const changes = Object.entries(input.files).map(([path, content]) => ({
        path,
        mode: '100644' as const,
        type: 'blob' as const,
        content,
      }));
      const tree = buildTree(repo.git, base?.type === 'commit' ? base.tree : null, changes);
      const who = identityOf(creator);
      const commit = createCommit({
        tree,
        parents: [head],
        author: who,
        committer: who,
        message: 'Add files',
      });
      putObject(repo.git, commit);
      repo.git.refs.set('refs/heads/main', commit.sha);
    }
    return reply.code(201).send({ fullName: `${repo.owner}/${repo.name}`, id: repo.id });
  });

  app.get('/_emulator/repos/:owner/:repo/files', async (request) => {
    const params = request.params as Params;
    const { ref } = request.query as { ref?: string };
    const snapshot = ctx.store.snapshot(params.owner, params.repo, ref);
    if (!snapshot) throw notFound();
    return snapshot;
  });

  app.post('/_emulator/repos/:owner/:repo/runs', async (request, reply) => {
    const state = ctx.store.state;
    const repo = findRepoOr404(ctx, request.params as Params);
    const input = parseBody(simulateSchema, request.body);
    const workflow = resolveWorkflow(state, repo, input.workflow);
    const urls = urlsFor(ctx, request);
    let run = input.run_id === undefined ? undefined : repo.runs.find((r) => r.id === input.run_id);
    if (input.run_id !== undefined && !run) throw notFound();
    if (!run) {
      const branch = input.branch ?? repo.defaultBranch;
      const headSha = input.head_sha ?? repo.git.refs.get(`refs/heads/${branch}`);
      if (!headSha) throw new GitHubError(422, `No commit for branch ${branch}; pass head_sha`);
      run = createRun(ctx, repo, workflow, {
        event: input.event ?? 'push',
        branch,
        headSha,
        actor: input.actor ?? defaultActor(state, repo),
      });
    }
    const task = driveRun(ctx, repo, run, workflow, {
      conclusion: input.conclusion,
      failingJob: input.failingJob,
      steps:
        input.steps ??
        (input.run_id === undefined
          ? ['queued', 'in_progress', 'completed']
          : ['in_progress', 'completed']),
      delayMs: input.delayMs ?? 0,
      urls,
    });
    if (input.background) {
      ctx.store.track(task);
      return reply.code(202).send(runJson(state, urls, repo, run));
    }
    await task;
    return reply.code(201).send(runJson(state, urls, repo, run));
  });

  // A deploy as a host's deploy job reports it: the branch head to an environment, going
  // in_progress then to `state`, each step delivered as `deployment` / `deployment_status`.
  app.post('/_emulator/repos/:owner/:repo/deployments', async (request, reply) => {
    const state = ctx.store.state;
    const repo = findRepoOr404(ctx, request.params as Params);
    const input = parseBody(simulateDeploySchema, request.body);
    const branch = input.branch ?? repo.defaultBranch;
    const sha = repo.git.refs.get(`refs/heads/${branch}`);
    if (!sha) throw new GitHubError(422, `No commit for branch ${branch}`);
    const context = { run: null, workflow: null, urls: urlsFor(ctx, request) };
    const deployment = await createDeployment(
      ctx,
      repo,
      {
        sha,
        ref: branch,
        environment: input.environment ?? 'production',
        creatorLogin: (input.actor ?? defaultActor(state, repo)).toLowerCase(),
      },
      context,
    );
    const logUrl = input.log_url ?? `${context.urls.web}/${repo.owner}/${repo.name}/deployments`;
    await setDeploymentState(ctx, repo, deployment, 'in_progress', { ...context, logUrl });
    await setDeploymentState(ctx, repo, deployment, input.state, {
      ...context,
      logUrl,
      environmentUrl: input.environment_url,
    });
    return reply.code(201).send({
      id: deployment.id,
      sha,
      ref: branch,
      environment: deployment.environment,
      environmentUrl: input.environment_url,
      states: deployment.statuses.map((s) => s.state),
    });
  });
}
