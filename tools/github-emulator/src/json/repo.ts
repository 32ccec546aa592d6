import type { Permission } from '../auth';
import type { EmulatorState, Repo } from '../state';
import { orgAsOwner, simpleUser } from './account';
import { nodeId, type Urls } from './urls';

/** The repository owner as GitHub embeds it (`owner`, or a payload's `organization`). */
export function ownerJson(state: EmulatorState, repo: Repo, urls: Urls): Record<string, unknown> {
  if (repo.ownerType === 'Organization') {
    const org = state.orgs.get(repo.owner.toLowerCase());
    if (org) return orgAsOwner(org, urls);
  }
  const user = state.users.get(repo.owner.toLowerCase());
  if (user) return simpleUser(user, urls);
  return { login: repo.owner, type: repo.ownerType };
}

function permissions(permission: Permission): Record<string, boolean> {
  const admin = permission === 'admin';
  const push = admin || permission === 'write';
  return { admin, maintain: admin, push, triage: push, pull: permission !== 'none' };
}

/**
 * GitHub's full repository object (`GET /repos/:owner/:repo`); `permissions` is included when
 * a caller is known. `timestamps: 'unix'` reproduces the `push` payload quirk, where
 * `created_at` and `pushed_at` are Unix seconds instead of ISO strings.
 */
export function repoJson(
  state: EmulatorState,
  repo: Repo,
  urls: Urls,
  options: { permission?: Permission; timestamps?: 'iso' | 'unix' } = {},
): Record<string, unknown> {
  const fullName = `${repo.owner}/${repo.name}`;
  const api = `${urls.api}/repos/${fullName}`;
  const host = new URL(urls.web).host;
  const unix = (iso: string | null) => (iso ? Math.floor(Date.parse(iso) / 1000) : null);
  const size = repo.git.objects.size;
  return {
    id: repo.id,
    node_id: nodeId('Repository', repo.id),
    name: repo.name,
    full_name: fullName,
    private: repo.private,
    owner: ownerJson(state, repo, urls),
    html_url: `${urls.web}/${fullName}`,
    description: repo.description,
    fork: false,
    url: api,
    forks_url: `${api}/forks`,
    keys_url: `${api}/keys{/key_id}`,
    collaborators_url: `${api}/collaborators{/collaborator}`,
    teams_url: `${api}/teams`,
    hooks_url: `${api}/hooks`,
    events_url: `${api}/events`,
    branches_url: `${api}/branches{/branch}`,
    tags_url: `${api}/tags`,
    blobs_url: `${api}/git/blobs{/sha}`,
    git_tags_url: `${api}/git/tags{/sha}`,
    git_refs_url: `${api}/git/refs{/sha}`,
    trees_url: `${api}/git/trees{/sha}`,
    statuses_url: `${api}/statuses/{sha}`,
    languages_url: `${api}/languages`,
    commits_url: `${api}/commits{/sha}`,
    git_commits_url: `${api}/git/commits{/sha}`,
    contents_url: `${api}/contents/{+path}`,
    deployments_url: `${api}/deployments`,
    pulls_url: `${api}/pulls{/number}`,
    created_at: options.timestamps === 'unix' ? unix(repo.createdAt) : repo.createdAt,
    updated_at: repo.updatedAt,
    pushed_at: options.timestamps === 'unix' ? unix(repo.pushedAt) : repo.pushedAt,
    git_url: `git://${host}/${fullName}.git`,
    ssh_url: `git@${host}:${fullName}.git`,
    clone_url: `${urls.web}/${fullName}.git`,
    svn_url: `${urls.web}/${fullName}`,
    homepage: repo.homepage,
    size: size === 0 ? 0 : Math.max(1, Math.round(size / 4)),
    stargazers_count: 0,
    watchers_count: 0,
    language: null,
    has_issues: true,
    has_projects: true,
    has_downloads: true,
    has_wiki: !repo.private,
    has_pages: false,
    has_discussions: false,
    forks_count: 0,
    mirror_url: null,
    archived: false,
    disabled: false,
    open_issues_count: 0,
    license: null,
    allow_forking: true,
    is_template: false,
    web_commit_signoff_required: false,
    topics: [],
    visibility: repo.private ? 'private' : 'public',
    forks: 0,
    open_issues: 0,
    watchers: 0,
    default_branch: repo.defaultBranch,
    ...(options.permission ? { permissions: permissions(options.permission) } : {}),
    ...(repo.ownerType === 'Organization' ? { organization: ownerJson(state, repo, urls) } : {}),
    network_count: 0,
    subscribers_count: 0,
  };
}
