import type { Workflow } from '../actions/workflows';
import { diffTrees, firstParentLog, getCommit } from '../git/database';
import type { CommitObject } from '../git/objects';
import { simpleUser } from '../json/account';
import { runJson, workflowJson } from '../json/actions';
import { deploymentJson, deploymentStatusJson, hookJson } from '../json/hook';
import { ownerJson, repoJson } from '../json/repo';
import type { Urls } from '../json/urls';
import type { Deployment, EmulatorState, Hook, Repo, WorkflowRun } from '../state';
import type { OutgoingEvent } from './send';

/** What every repository event carries: `repository`, `organization` (org repos), `sender`. */
function envelope(
  state: EmulatorState,
  urls: Urls,
  repo: Repo,
  senderLogin: string,
  timestamps: 'iso' | 'unix' = 'iso',
): Record<string, unknown> {
  const sender = state.users.get(senderLogin.toLowerCase());
  return {
    repository: repoJson(state, repo, urls, { timestamps }),
    ...(repo.ownerType === 'Organization' ? { organization: ownerJson(state, repo, urls) } : {}),
    sender: sender ? simpleUser(sender, urls) : { login: senderLogin },
  };
}

// A rotating line of GitHub's zen, as the `ping` payload carries one.
const ZEN = ['Keep it logically awesome.', 'Design for failure.', 'Speak like a human.'];

/** `ping`, sent when a hook is created or pinged. */
export function pingEvent(
  state: EmulatorState,
  urls: Urls,
  repo: Repo,
  hook: Hook,
  sender: string,
): OutgoingEvent {
  return {
    event: 'ping',
    payload: {
      zen: ZEN[hook.id % ZEN.length],
      hook_id: hook.id,
      hook: hookJson(urls, repo, hook),
      ...envelope(state, urls, repo, sender),
    },
  };
}

const ZERO_SHA = '0000000000000000000000000000000000000000';

function pushCommit(state: EmulatorState, urls: Urls, repo: Repo, commit: CommitObject) {
  const parent = commit.parents[0] ? getCommit(repo.git, commit.parents[0]) : undefined;
  const user = (email: string) => [...state.users.values()].find((u) => u.email === email)?.login;
  const person = (p: CommitObject['author']) => ({
    name: p.name,
    email: p.email,
    ...(user(p.email) ? { username: user(p.email) } : {}),
  });
  return {
    id: commit.sha,
    tree_id: commit.tree,
    distinct: true,
    message: commit.message,
    timestamp: commit.committer.date,
    url: `${urls.web}/${repo.owner}/${repo.name}/commit/${commit.sha}`,
    author: person(commit.author),
    committer: person(commit.committer),
    ...diffTrees(repo.git, parent?.tree ?? null, commit.tree),
  };
}

/** `push` after a ref moved from `before` to `after` (null before = branch created). */
export function pushEvent(
  state: EmulatorState,
  urls: Urls,
  repo: Repo,
  change: { ref: string; before: string | null; after: string; forced: boolean; pusher: string },
): OutgoingEvent {
  const pusher = state.users.get(change.pusher.toLowerCase());
  // GitHub lists at most 20 commits, oldest first.
  const commits = firstParentLog(repo.git, change.after, change.before, 20)
    .reverse()
    .map((c) => pushCommit(state, urls, repo, c));
  const before = change.before ?? ZERO_SHA;
  return {
    event: 'push',
    payload: {
      ref: change.ref,
      before,
      after: change.after,
      // The push payload's repository carries Unix timestamps for created_at/pushed_at.
      ...envelope(state, urls, repo, change.pusher, 'unix'),
      pusher: { name: pusher?.login ?? change.pusher, email: pusher?.email ?? null },
      created: change.before === null,
      deleted: false,
      forced: change.forced,
      base_ref: null,
      compare: `${urls.web}/${repo.owner}/${repo.name}/compare/${before.slice(0, 12)}...${change.after.slice(0, 12)}`,
      commits,
      head_commit: commits.at(-1) ?? null,
    },
  };
}

/** `workflow_run` with action `requested`, `in_progress` or `completed`. */
export function workflowRunEvent(
  state: EmulatorState,
  urls: Urls,
  repo: Repo,
  run: WorkflowRun,
  workflow: Workflow,
  action: 'requested' | 'in_progress' | 'completed',
): OutgoingEvent {
  return {
    event: 'workflow_run',
    payload: {
      action,
      workflow_run: runJson(state, urls, repo, run),
      workflow: workflowJson(urls, repo, workflow),
      ...envelope(state, urls, repo, run.actorLogin),
    },
  };
}

/** `deployment` (action `created`). */
export function deploymentEvent(
  state: EmulatorState,
  urls: Urls,
  repo: Repo,
  deployment: Deployment,
  context: { run: WorkflowRun | null; workflow: Workflow | null },
): OutgoingEvent {
  return {
    event: 'deployment',
    payload: {
      action: 'created',
      deployment: deploymentJson(state, urls, repo, deployment),
      workflow: context.workflow ? workflowJson(urls, repo, context.workflow) : null,
      workflow_run: context.run ? runJson(state, urls, repo, context.run) : null,
      ...envelope(state, urls, repo, deployment.creatorLogin),
    },
  };
}

/** `deployment_status` (action `created`) for the deployment's latest status. */
export function deploymentStatusEvent(
  state: EmulatorState,
  urls: Urls,
  repo: Repo,
  deployment: Deployment,
  context: { run: WorkflowRun | null; workflow: Workflow | null },
): OutgoingEvent {
  const status = deployment.statuses.at(-1);
  return {
    event: 'deployment_status',
    payload: {
      action: 'created',
      deployment_status: status
        ? deploymentStatusJson(state, urls, repo, deployment, status)
        : null,
      deployment: deploymentJson(state, urls, repo, deployment),
      check_run: null,
      workflow: context.workflow ? workflowJson(urls, repo, context.workflow) : null,
      workflow_run: context.run ? runJson(state, urls, repo, context.run) : null,
      ...envelope(state, urls, repo, deployment.creatorLogin),
    },
  };
}
