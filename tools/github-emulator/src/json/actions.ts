import type { Workflow } from '../actions/workflows';
import { getCommit } from '../git/database';
import type { EmulatorState, Repo, WorkflowJob, WorkflowRun } from '../state';
import { simpleUser } from './account';
import { ownerJson } from './repo';
import { nodeId, type Urls } from './urls';

function repoApi(urls: Urls, repo: Repo): string {
  return `${urls.api}/repos/${repo.owner}/${repo.name}`;
}

function repoWeb(urls: Urls, repo: Repo): string {
  return `${urls.web}/${repo.owner}/${repo.name}`;
}

/** GitHub's "minimal repository" embedded in runs. */
export function minimalRepo(state: EmulatorState, urls: Urls, repo: Repo): Record<string, unknown> {
  return {
    id: repo.id,
    node_id: nodeId('Repository', repo.id),
    name: repo.name,
    full_name: `${repo.owner}/${repo.name}`,
    private: repo.private,
    owner: ownerJson(state, repo, urls),
    html_url: repoWeb(urls, repo),
    description: repo.description,
    fork: false,
    url: repoApi(urls, repo),
  };
}

/** `GET /actions/workflows/:id`. */
export function workflowJson(urls: Urls, repo: Repo, workflow: Workflow): Record<string, unknown> {
  return {
    id: workflow.id,
    node_id: nodeId('Workflow', workflow.id),
    name: workflow.name,
    path: workflow.path,
    state: 'active',
    created_at: repo.createdAt,
    updated_at: repo.updatedAt,
    url: `${repoApi(urls, repo)}/actions/workflows/${workflow.id}`,
    html_url: `${repoWeb(urls, repo)}/blob/${repo.defaultBranch}/${workflow.path}`,
    badge_url: `${repoWeb(urls, repo)}/workflows/${encodeURIComponent(workflow.name)}/badge.svg`,
  };
}

function headCommit(repo: Repo, sha: string): Record<string, unknown> | null {
  const commit = getCommit(repo.git, sha);
  if (!commit) return null;
  return {
    id: commit.sha,
    tree_id: commit.tree,
    message: commit.message,
    timestamp: commit.committer.date,
    author: { name: commit.author.name, email: commit.author.email },
    committer: { name: commit.committer.name, email: commit.committer.email },
  };
}

/** A workflow run as `GET /actions/runs/:id` and the `workflow_run` payload show it. */
export function runJson(
  state: EmulatorState,
  urls: Urls,
  repo: Repo,
  run: WorkflowRun,
): Record<string, unknown> {
  const api = `${repoApi(urls, repo)}/actions/runs/${run.id}`;
  const actor = state.users.get(run.actorLogin);
  const head = headCommit(repo, run.headSha);
  const title = run.event === 'workflow_dispatch' ? run.name : String(head?.message ?? run.name);
  return {
    id: run.id,
    name: run.name,
    node_id: nodeId('WorkflowRun', run.id),
    head_branch: run.headBranch,
    head_sha: run.headSha,
    path: run.workflowPath,
    display_title: title.split('\n')[0],
    run_number: run.runNumber,
    event: run.event,
    status: run.status,
    conclusion: run.conclusion,
    workflow_id: run.workflowId,
    check_suite_id: run.id + 1,
    check_suite_node_id: nodeId('CheckSuite', run.id + 1),
    url: api,
    html_url: `${repoWeb(urls, repo)}/actions/runs/${run.id}`,
    pull_requests: [],
    created_at: run.createdAt,
    updated_at: run.updatedAt,
    actor: actor ? simpleUser(actor, urls) : null,
    run_attempt: run.runAttempt,
    referenced_workflows: [],
    run_started_at: run.runStartedAt,
    triggering_actor: actor ? simpleUser(actor, urls) : null,
    jobs_url: `${api}/jobs`,
    logs_url: `${api}/logs`,
    check_suite_url: `${repoApi(urls, repo)}/check-suites/${run.id + 1}`,
    artifacts_url: `${api}/artifacts`,
    cancel_url: `${api}/cancel`,
    rerun_url: `${api}/rerun`,
    previous_attempt_url: null,
    workflow_url: `${repoApi(urls, repo)}/actions/workflows/${run.workflowId}`,
    head_commit: head,
    repository: minimalRepo(state, urls, repo),
    head_repository: minimalRepo(state, urls, repo),
  };
}

/** One job of `GET /actions/runs/:id/jobs`. */
export function jobJson(
  urls: Urls,
  repo: Repo,
  run: WorkflowRun,
  job: WorkflowJob,
): Record<string, unknown> {
  const api = repoApi(urls, repo);
  return {
    id: job.id,
    run_id: run.id,
    workflow_name: run.name,
    head_branch: run.headBranch,
    run_url: `${api}/actions/runs/${run.id}`,
    run_attempt: run.runAttempt,
    node_id: nodeId('CheckRun', job.id),
    head_sha: run.headSha,
    url: `${api}/actions/jobs/${job.id}`,
    html_url: `${repoWeb(urls, repo)}/actions/runs/${run.id}/job/${job.id}`,
    status: job.status,
    conclusion: job.conclusion,
    created_at: run.createdAt,
    started_at: job.startedAt ?? run.createdAt,
    completed_at: job.completedAt,
    name: job.name,
    steps: job.steps.map((step) => ({
      name: step.name,
      status: step.status,
      conclusion: step.conclusion,
      number: step.number,
      started_at: job.startedAt,
      completed_at: step.status === 'completed' ? job.completedAt : null,
    })),
    check_run_url: `${api}/check-runs/${job.id}`,
    labels: ['ubuntu-latest'],
    runner_id: job.startedAt ? 1 : null,
    runner_name: job.startedAt ? 'GitHub Actions 1' : null,
    runner_group_id: job.startedAt ? 1 : null,
    runner_group_name: job.startedAt ? 'GitHub Actions' : null,
  };
}
