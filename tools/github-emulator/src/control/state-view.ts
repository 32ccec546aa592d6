import { listWorkflows } from '../actions/workflows';
import { firstParentLog } from '../git/database';
import type { EmulatorState, Repo, SecretScope } from '../state';
import { revealSecret } from '../store';

/** Secrets as GitHub holds them (ciphertext) and what they decrypt to, plus variables. */
function scopeView(scope: SecretScope) {
  const names = [...scope.secrets.keys()].sort();
  return {
    secretsKeyId: scope.secretsKey.keyId,
    secrets: Object.fromEntries(names.map((n) => [n, revealSecret(scope, n) ?? null])),
    encryptedSecrets: Object.fromEntries(
      names.map((n) => [n, scope.secrets.get(n)?.encryptedValue ?? null]),
    ),
    variables: Object.fromEntries([...scope.variables.values()].map((v) => [v.name, v.value])),
  };
}

function repoView(state: EmulatorState, repo: Repo) {
  const head = repo.git.refs.get(`refs/heads/${repo.defaultBranch}`);
  return {
    fullName: `${repo.owner}/${repo.name}`,
    id: repo.id,
    owner: repo.owner,
    name: repo.name,
    ownerType: repo.ownerType,
    private: repo.private,
    description: repo.description,
    defaultBranch: repo.defaultBranch,
    empty: repo.git.refs.size === 0,
    refs: Object.fromEntries(repo.git.refs),
    commitCount: head ? firstParentLog(repo.git, head, null, 10_000).length : 0,
    ...scopeView(repo),
    environments: Object.fromEntries(
      [...repo.environments.values()].map((e) => [
        e.name,
        {
          id: e.id,
          waitTimer: e.waitTimer,
          reviewers: e.reviewers,
          deploymentBranchPolicy: e.deploymentBranchPolicy,
          branchPolicies: e.branchPolicies.map((p) => ({ name: p.name, type: p.type })),
          ...scopeView(e),
        },
      ]),
    ),
    hooks: [...repo.hooks.values()].map((h) => ({
      id: h.id,
      active: h.active,
      events: h.events,
      url: h.config.url,
      contentType: h.config.contentType,
      secret: h.config.secret,
      lastResponse: h.lastResponse,
    })),
    branchProtection: Object.fromEntries(repo.branchProtection),
    workflows: listWorkflows(state, repo).map((w) => ({
      id: w.id,
      path: w.path,
      name: w.name,
      triggers: w.triggers,
    })),
    runs: repo.runs.map((r) => ({
      id: r.id,
      workflowPath: r.workflowPath,
      event: r.event,
      status: r.status,
      conclusion: r.conclusion,
      headBranch: r.headBranch,
      headSha: r.headSha,
      jobs: r.jobs.map((j) => ({
        id: j.id,
        name: j.name,
        status: j.status,
        conclusion: j.conclusion,
      })),
    })),
    dispatches: repo.dispatches,
    deployments: repo.deployments.map((d) => ({
      id: d.id,
      environment: d.environment,
      sha: d.sha,
      ref: d.ref,
      states: d.statuses.map((s) => s.state),
      environmentUrl: d.statuses.findLast((s) => s.environmentUrl !== '')?.environmentUrl ?? null,
    })),
  };
}

/** `GET /_emulator/state`: everything a test may assert on, secrets decrypted. */
export function stateView(state: EmulatorState) {
  return {
    users: [...state.users.values()],
    orgs: [...state.orgs.values()].map((o) => ({
      id: o.id,
      login: o.login,
      name: o.name,
      plan: o.plan,
      membersCanCreateRepositories: o.membersCanCreateRepositories,
      members: Object.fromEntries(o.members),
    })),
    clients: [...state.clients.values()].map((c) => ({
      clientId: c.clientId,
      name: c.name,
      callbackUrls: c.callbackUrls,
    })),
    tokens: [...state.tokens.values()],
    repos: [...state.repos.values()].map((repo) => repoView(state, repo)),
    dispatches: [...state.repos.values()].flatMap((repo) =>
      repo.dispatches.map((d) => ({ repo: `${repo.owner}/${repo.name}`, ...d })),
    ),
    deliveries: state.deliveries,
    faults: state.faults,
    held: state.held,
    requestLog: state.requestLog,
    settings: state.settings,
  };
}
