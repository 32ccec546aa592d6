import type { Deployment, Project } from '@botsmith/db';
import { TRPCError } from '@trpc/server';
import type { Octokit } from 'octokit';
import { githubFailure, githubStatus } from '../github/github-errors';

/**
 * The generated deploy workflow (packages/generators `workflows/deploy.ts`): it accepts
 * `workflow_dispatch` with a `ref` input naming the commit to deploy.
 */
export const DEPLOY_WORKFLOW = 'deploy.yml';

/** What a redeploy asks GitHub for. */
export interface RedeployPlan {
  owner: string;
  repo: string;
  /** The branch whose copy of deploy.yml runs: the repository's default branch. */
  workflowRef: string;
  /** The commit to deploy again. */
  commitSha: string;
}

/**
 * Checks that `deployment` can be deployed again and says how. Pure.
 *
 * @throws {TRPCError} BAD_REQUEST when it did not succeed, has no commit, or its project has
 * no repository yet.
 */
export function planRedeploy(
  deployment: Pick<Deployment, 'status' | 'commitSha'>,
  project: Pick<Project, 'repoFullName' | 'defaultBranch'>,
): RedeployPlan {
  if (deployment.status !== 'success') {
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: `Only a successful deployment can be deployed again; this one is ${deployment.status.replace('_', ' ')}.`,
    });
  }
  const [owner, repo] = project.repoFullName?.split('/') ?? [];
  if (!owner || !repo || !deployment.commitSha) {
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: 'This deployment has no known commit or repository to deploy again.',
    });
  }
  return {
    owner,
    repo,
    workflowRef: project.defaultBranch ?? 'main',
    commitSha: deployment.commitSha,
  };
}

/** Dispatches the deploy workflow for the plan's commit, explaining GitHub's refusals. */
export async function dispatchRedeploy(octokit: Octokit, plan: RedeployPlan): Promise<void> {
  try {
    await octokit.rest.actions.createWorkflowDispatch({
      owner: plan.owner,
      repo: plan.repo,
      workflow_id: DEPLOY_WORKFLOW,
      ref: plan.workflowRef,
      inputs: { ref: plan.commitSha },
    });
  } catch (error) {
    const status = githubStatus(error);
    if (status === 404) {
      throw new TRPCError({
        code: 'NOT_FOUND',
        message: `GitHub has no .github/workflows/${DEPLOY_WORKFLOW} on ${plan.workflowRef} in ${plan.owner}/${plan.repo} (or your token cannot see the repository).`,
        cause: error,
      });
    }
    if (status === 422) {
      const detail = (error as { message?: string }).message ?? '';
      throw new TRPCError({
        code: 'BAD_REQUEST',
        message:
          `GitHub refused to start ${DEPLOY_WORKFLOW}: it must allow workflow_dispatch with a "ref" input on ${plan.workflowRef}. ${detail}`.trim(),
        cause: error,
      });
    }
    throw githubFailure(error, `starting ${DEPLOY_WORKFLOW}`);
  }
}
