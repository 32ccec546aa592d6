import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { startRun } from '../actions/auto-runs';
import { createRun } from '../actions/runs';
import { findWorkflow, listWorkflows } from '../actions/workflows';
import { acceptScopes, readableRepo, writableRepo } from '../auth';
import { type EmulatorContext, urlsFor } from '../context';
import { GitHubError, notFound } from '../errors';
import { getCommit } from '../git/database';
import { paginate } from '../http/paginate';
import { parseBody } from '../http/validate';
import { jobJson, runJson, workflowJson } from '../json/actions';
import type { Repo, WorkflowRun } from '../state';

type Params = { owner: string; repo: string; workflow_id: string; run_id: string; job_id: string };

const dispatchSchema = z.object({
  ref: z.string(),
  inputs: z.record(z.string(), z.unknown()).optional(),
  return_run_details: z.boolean().optional(),
});

const DOCS = 'https://docs.github.com/rest/actions/workflows#create-a-workflow-dispatch-event';

/** A branch, tag or commit sha, as `workflow_dispatch` accepts for `ref`. */
function resolveRef(repo: Repo, ref: string): { branch: string; sha: string } | undefined {
  const short = ref.replace(/^refs\/(heads|tags)\//, '');
  const sha =
    repo.git.refs.get(`refs/heads/${short}`) ??
    repo.git.refs.get(`refs/tags/${short}`) ??
    getCommit(repo.git, ref)?.sha;
  return sha ? { branch: short, sha } : undefined;
}

function filterRuns(request: FastifyRequest, runs: WorkflowRun[]): WorkflowRun[] {
  const q = request.query as Record<string, string | undefined>;
  return (
    runs
      .filter((r) => !q.branch || r.headBranch === q.branch)
      .filter((r) => !q.event || r.event === q.event)
      .filter((r) => !q.head_sha || r.headSha === q.head_sha)
      .filter((r) => !q.actor || r.actorLogin === q.actor.toLowerCase())
      // `status` accepts a status or a conclusion ("completed", "success", "failure", …).
      .filter((r) => !q.status || r.status === q.status || r.conclusion === q.status)
      .sort((a, b) => b.id - a.id)
  );
}

/** Workflows, workflow_dispatch, runs and jobs. */
export function registerActionsRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  const read = (request: FastifyRequest) => {
    const { owner, repo } = request.params as Params;
    return readableRepo(ctx.store.state, request, owner, repo).repo;
  };

  app.get('/repos/:owner/:repo/actions/workflows', async (request, reply) => {
    const repo = read(request);
    const urls = urlsFor(ctx, request);
    const workflows = listWorkflows(ctx.store.state, repo);
    return {
      total_count: workflows.length,
      workflows: paginate(request, reply, workflows).map((w) => workflowJson(urls, repo, w)),
    };
  });

  app.get('/repos/:owner/:repo/actions/workflows/:workflow_id', async (request) => {
    const repo = read(request);
    const workflow = findWorkflow(ctx.store.state, repo, (request.params as Params).workflow_id);
    if (!workflow) throw notFound('https://docs.github.com/rest/actions/workflows#get-a-workflow');
    return workflowJson(urlsFor(ctx, request), repo, workflow);
  });

  app.post(
    '/repos/:owner/:repo/actions/workflows/:workflow_id/dispatches',
    async (request, reply) => {
      const state = ctx.store.state;
      const params = request.params as Params;
      acceptScopes(reply, ['repo']);
      const { repo, auth } = writableRepo(state, request, params.owner, params.repo, {
        scopes: ['repo'],
      });
      const input = parseBody(dispatchSchema, request.body);
      const workflow = findWorkflow(state, repo, params.workflow_id);
      if (!workflow) throw notFound(DOCS);
      if (!workflow.triggers.includes('workflow_dispatch')) {
        throw new GitHubError(422, "Workflow does not have 'workflow_dispatch' trigger", {
          documentationUrl: DOCS,
        });
      }
      const target = resolveRef(repo, input.ref);
      if (!target)
        throw new GitHubError(422, `No ref found for: ${input.ref}`, { documentationUrl: DOCS });
      const inputs = input.inputs ?? {};
      const declared = new Set(workflow.dispatchInputs.map((i) => i.name));
      const unexpected = Object.keys(inputs).filter((name) => !declared.has(name));
      if (unexpected.length > 0) {
        throw new GitHubError(422, `Unexpected inputs provided: ${JSON.stringify(unexpected)}`, {
          documentationUrl: DOCS,
        });
      }
      const missing = workflow.dispatchInputs.find(
        (i) => i.required && !i.hasDefault && inputs[i.name] === undefined,
      );
      if (missing) {
        throw new GitHubError(422, `Required input '${missing.name}' not provided`, {
          documentationUrl: DOCS,
        });
      }
      const urls = urlsFor(ctx, request);
      const run = createRun(ctx, repo, workflow, {
        event: 'workflow_dispatch',
        branch: target.branch,
        headSha: target.sha,
        actor: auth.user.login,
      });
      repo.dispatches.push({
        workflowId: workflow.id,
        workflowPath: workflow.path,
        ref: input.ref,
        inputs,
        runId: run.id,
        login: auth.user.login,
        at: new Date().toISOString(),
      });
      startRun(ctx, repo, run, workflow, urls);
      if (input.return_run_details) {
        const api = `${urls.api}/repos/${repo.owner}/${repo.name}/actions/runs/${run.id}`;
        const html = `${urls.web}/${repo.owner}/${repo.name}/actions/runs/${run.id}`;
        return reply.code(200).send({ workflow_run_id: run.id, run_url: api, html_url: html });
      }
      return reply.code(204).send();
    },
  );

  const listRuns = (
    request: FastifyRequest,
    reply: import('fastify').FastifyReply,
    runs: WorkflowRun[],
    repo: Repo,
  ) => {
    const filtered = filterRuns(request, runs);
    const urls = urlsFor(ctx, request);
    return {
      total_count: filtered.length,
      workflow_runs: paginate(request, reply, filtered).map((r) =>
        runJson(ctx.store.state, urls, repo, r),
      ),
    };
  };

  app.get('/repos/:owner/:repo/actions/runs', async (request, reply) => {
    const repo = read(request);
    return listRuns(request, reply, repo.runs, repo);
  });

  app.get('/repos/:owner/:repo/actions/workflows/:workflow_id/runs', async (request, reply) => {
    const repo = read(request);
    const id = (request.params as Params).workflow_id;
    const workflow = findWorkflow(ctx.store.state, repo, id);
    const workflowId =
      workflow?.id ?? repo.workflowIds.get(`.github/workflows/${id}`) ?? Number(id);
    return listRuns(
      request,
      reply,
      repo.runs.filter((r) => r.workflowId === workflowId),
      repo,
    );
  });

  const findRun = (repo: Repo, id: string): WorkflowRun => {
    const run = repo.runs.find((r) => r.id === Number(id));
    if (!run)
      throw notFound('https://docs.github.com/rest/actions/workflow-runs#get-a-workflow-run');
    return run;
  };

  app.get('/repos/:owner/:repo/actions/runs/:run_id', async (request) => {
    const repo = read(request);
    return runJson(
      ctx.store.state,
      urlsFor(ctx, request),
      repo,
      findRun(repo, (request.params as Params).run_id),
    );
  });

  app.get('/repos/:owner/:repo/actions/runs/:run_id/jobs', async (request, reply) => {
    const repo = read(request);
    const run = findRun(repo, (request.params as Params).run_id);
    const urls = urlsFor(ctx, request);
    return {
      total_count: run.jobs.length,
      jobs: paginate(request, reply, run.jobs).map((job) => jobJson(urls, repo, run, job)),
    };
  });

  app.get('/repos/:owner/:repo/actions/jobs/:job_id', async (request) => {
    const repo = read(request);
    const id = Number((request.params as Params).job_id);
    const run = repo.runs.find((r) => r.jobs.some((j) => j.id === id));
    const job = run?.jobs.find((j) => j.id === id);
    if (!run || !job)
      throw notFound(
        'https://docs.github.com/rest/actions/workflow-jobs#get-a-job-for-a-workflow-run',
      );
    return jobJson(urlsFor(ctx, request), repo, run, job);
  });
}
