import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { readableRepo, writableRepo } from '../auth';
import { type EmulatorContext, urlsFor } from '../context';
import { GitHubError, notFound } from '../errors';
import { paginate } from '../http/paginate';
import { parseBody } from '../http/validate';
import { simpleUser } from '../json/account';
import { nodeId, type Urls } from '../json/urls';
import { generateSealedBoxKeyPair } from '../secrets/sealed-box';
import { type EmulatorState, type Environment, nextId, type Repo } from '../state';
import { findEnvironment, githubNow } from './secret-scope';

type Params = { owner: string; repo: string; env: string; id?: string };

const DOCS = 'https://docs.github.com/rest/deployments/environments';
const POLICIES_DOCS = 'https://docs.github.com/rest/deployments/branch-policies';

const putSchema = z.object({
  wait_timer: z.number().int().min(0).max(43_200).optional(),
  prevent_self_review: z.boolean().optional(),
  reviewers: z
    .array(z.object({ type: z.enum(['User', 'Team']), id: z.number().int() }))
    .nullable()
    .optional(),
  deployment_branch_policy: z
    .object({ protected_branches: z.boolean(), custom_branch_policies: z.boolean() })
    .nullable()
    .optional(),
});

const policySchema = z.object({
  name: z.string().min(1).max(255),
  type: z.enum(['branch', 'tag']).optional(),
});

/** `GET /repos/:o/:r/environments/:name` as GitHub renders an environment. */
export function environmentJson(
  state: EmulatorState,
  urls: Urls,
  repo: Repo,
  environment: Environment,
): Record<string, unknown> {
  const rules: Record<string, unknown>[] = [];
  if (environment.waitTimer > 0) {
    rules.push({
      id: environment.id * 10 + 1,
      node_id: nodeId('ProtectionRule', environment.id * 10 + 1),
      type: 'wait_timer',
      wait_timer: environment.waitTimer,
    });
  }
  if (environment.reviewers.length > 0) {
    rules.push({
      id: environment.id * 10 + 2,
      node_id: nodeId('ProtectionRule', environment.id * 10 + 2),
      type: 'required_reviewers',
      prevent_self_review: environment.preventSelfReview,
      reviewers: environment.reviewers.map((r) => {
        const user = [...state.users.values()].find((u) => u.id === r.id);
        return { type: r.type, reviewer: user ? simpleUser(user, urls) : { id: r.id } };
      }),
    });
  }
  if (environment.deploymentBranchPolicy) {
    rules.push({
      id: environment.id * 10 + 3,
      node_id: nodeId('ProtectionRule', environment.id * 10 + 3),
      type: 'branch_policy',
    });
  }
  const policy = environment.deploymentBranchPolicy;
  return {
    id: environment.id,
    node_id: nodeId('Environment', environment.id),
    name: environment.name,
    url: `${urls.api}/repos/${repo.owner}/${repo.name}/environments/${encodeURIComponent(environment.name)}`,
    html_url: `${urls.web}/${repo.owner}/${repo.name}/deployments/activity_log?environments_filter=${encodeURIComponent(environment.name)}`,
    created_at: environment.createdAt,
    updated_at: environment.updatedAt,
    protection_rules: rules,
    deployment_branch_policy: policy
      ? {
          protected_branches: policy.protectedBranches,
          custom_branch_policies: policy.customBranchPolicies,
        }
      : null,
  };
}

/** A new, unprotected environment (GitHub also creates one when a job first names it). */
export function createEnvironment(state: EmulatorState, repo: Repo, name: string): Environment {
  const now = githubNow();
  const environment: Environment = {
    id: nextId(state, 'other'),
    name,
    createdAt: now,
    updatedAt: now,
    waitTimer: 0,
    reviewers: [],
    preventSelfReview: false,
    deploymentBranchPolicy: null,
    branchPolicies: [],
    secretsKey: generateSealedBoxKeyPair(),
    secrets: new Map(),
    variables: new Map(),
  };
  repo.environments.set(name.toLowerCase(), environment);
  return environment;
}

function checkReviewers(
  state: EmulatorState,
  repo: Repo,
  reviewers: { type: 'User' | 'Team'; id: number }[],
): void {
  if (reviewers.length === 0) return;
  // Required reviewers on private repositories need GitHub Enterprise, which no emulated
  // account has; public repositories get them on every plan.
  if (repo.private) {
    throw new GitHubError(
      422,
      'Failed to create the environment protection rule. Please ensure the billing plan supports the required reviewers protection rule.',
      { documentationUrl: DOCS },
    );
  }
  if (reviewers.length > 6) {
    throw new GitHubError(422, 'An environment can have at most 6 required reviewers.', {
      documentationUrl: DOCS,
    });
  }
  for (const reviewer of reviewers) {
    const known =
      reviewer.type === 'User' && [...state.users.values()].some((u) => u.id === reviewer.id);
    if (!known) {
      throw new GitHubError(422, `Reviewer ${reviewer.type} ${reviewer.id} could not be found.`, {
        documentationUrl: DOCS,
      });
    }
  }
}

function policyJson(policy: Environment['branchPolicies'][number]) {
  return {
    id: policy.id,
    node_id: nodeId('DeploymentBranchPolicy', policy.id),
    name: policy.name,
    type: policy.type,
  };
}

function adminRepo(ctx: EmulatorContext, request: FastifyRequest): Repo {
  const { owner, repo } = request.params as Params;
  return writableRepo(ctx.store.state, request, owner, repo, { admin: true }).repo;
}

/**
 * Deployment environments: create or update (protection rules: wait timer, required
 * reviewers, deployment branch policy), get, list, delete, and their custom branch policies.
 */
export function registerEnvironmentRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  app.get('/repos/:owner/:repo/environments', async (request, reply) => {
    const { owner, repo: name } = request.params as Params;
    const { repo } = readableRepo(ctx.store.state, request, owner, name);
    const urls = urlsFor(ctx, request);
    const environments = [...repo.environments.values()].sort((a, b) =>
      a.name.localeCompare(b.name),
    );
    return {
      total_count: environments.length,
      environments: paginate(request, reply, environments).map((e) =>
        environmentJson(ctx.store.state, urls, repo, e),
      ),
    };
  });

  app.get('/repos/:owner/:repo/environments/:env', async (request) => {
    const { owner, repo: name, env } = request.params as Params;
    const { repo } = readableRepo(ctx.store.state, request, owner, name);
    return environmentJson(
      ctx.store.state,
      urlsFor(ctx, request),
      repo,
      findEnvironment(repo, env),
    );
  });

  app.put('/repos/:owner/:repo/environments/:env', async (request) => {
    const state = ctx.store.state;
    const repo = adminRepo(ctx, request);
    const { env } = request.params as Params;
    if (!/^[^/\\'"`]{1,255}$/.test(env)) {
      throw new GitHubError(422, 'Environment name is invalid.', { documentationUrl: DOCS });
    }
    // Octokit sends no body when no field is given: an environment without rules.
    const input = parseBody(putSchema, request.body || {});
    const policy = input.deployment_branch_policy;
    if (policy?.protected_branches && policy.custom_branch_policies) {
      throw new GitHubError(
        422,
        'Only one of protected_branches and custom_branch_policies can be true.',
        { documentationUrl: DOCS },
      );
    }
    if (input.reviewers) checkReviewers(state, repo, input.reviewers);
    const environment =
      repo.environments.get(env.toLowerCase()) ?? createEnvironment(state, repo, env);
    if (input.wait_timer !== undefined) environment.waitTimer = input.wait_timer;
    if (input.prevent_self_review !== undefined) {
      environment.preventSelfReview = input.prevent_self_review;
    }
    if (input.reviewers !== undefined) environment.reviewers = input.reviewers ?? [];
    if (policy !== undefined) {
      environment.deploymentBranchPolicy = policy
        ? {
            protectedBranches: policy.protected_branches,
            customBranchPolicies: policy.custom_branch_policies,
          }
        : null;
      if (!policy?.custom_branch_policies) environment.branchPolicies = [];
    }
    environment.updatedAt = githubNow();
    return environmentJson(state, urlsFor(ctx, request), repo, environment);
  });

  app.delete('/repos/:owner/:repo/environments/:env', async (request, reply) => {
    const repo = adminRepo(ctx, request);
    const { env } = request.params as Params;
    if (!repo.environments.delete(env.toLowerCase())) throw notFound(DOCS);
    return reply.code(204).send();
  });

  const policiesPath = '/repos/:owner/:repo/environments/:env/deployment-branch-policies';

  app.post(policiesPath, async (request, reply) => {
    const repo = adminRepo(ctx, request);
    const environment = findEnvironment(repo, (request.params as Params).env);
    // Custom policies exist only while the environment's policy says so.
    if (!environment.deploymentBranchPolicy?.customBranchPolicies) throw notFound(POLICIES_DOCS);
    const input = parseBody(policySchema, request.body);
    const type = input.type ?? 'branch';
    const existing = environment.branchPolicies.find(
      (p) => p.name === input.name && p.type === type,
    );
    if (existing) {
      // GitHub answers 303 See Other, pointing at the policy that already exists.
      const location = `${urlsFor(ctx, request).api}/repos/${repo.owner}/${repo.name}/environments/${encodeURIComponent(environment.name)}/deployment-branch-policies/${existing.id}`;
      return reply.code(303).header('location', location).send();
    }
    const policy = { id: nextId(ctx.store.state, 'other'), name: input.name, type };
    environment.branchPolicies.push(policy);
    return policyJson(policy);
  });

  app.get(policiesPath, async (request, reply) => {
    const { owner, repo: name, env } = request.params as Params;
    const { repo } = readableRepo(ctx.store.state, request, owner, name);
    const environment = findEnvironment(repo, env);
    return {
      total_count: environment.branchPolicies.length,
      branch_policies: paginate(request, reply, environment.branchPolicies).map(policyJson),
    };
  });

  app.get(`${policiesPath}/:id`, async (request) => {
    const { owner, repo: name, env, id } = request.params as Params;
    const { repo } = readableRepo(ctx.store.state, request, owner, name);
    const policy = findEnvironment(repo, env).branchPolicies.find((p) => p.id === Number(id));
    if (!policy) throw notFound(POLICIES_DOCS);
    return policyJson(policy);
  });

  app.delete(`${policiesPath}/:id`, async (request, reply) => {
    const repo = adminRepo(ctx, request);
    const { env, id } = request.params as Params;
    const environment = findEnvironment(repo, env);
    const before = environment.branchPolicies.length;
    environment.branchPolicies = environment.branchPolicies.filter((p) => p.id !== Number(id));
    if (environment.branchPolicies.length === before) throw notFound(POLICIES_DOCS);
    return reply.code(204).send();
  });
}
