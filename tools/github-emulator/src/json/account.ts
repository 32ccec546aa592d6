import type { EmulatorOrg, EmulatorUser } from '../state';
import { nodeId, type Urls } from './urls';

/** The avatar the emulator serves itself, so pages work offline. */
export function avatarUrl(urls: Urls, login: string): string {
  return `${urls.web}/_emulator/avatars/${encodeURIComponent(login)}.svg`;
}

/** GitHub's "simple user" (owner, sender, actor…). */
export function simpleUser(user: EmulatorUser, urls: Urls): Record<string, unknown> {
  const api = `${urls.api}/users/${user.login}`;
  return {
    login: user.login,
    id: user.id,
    node_id: nodeId('User', user.id),
    avatar_url: avatarUrl(urls, user.login),
    gravatar_id: '',
    url: api,
    html_url: `${urls.web}/${user.login}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: 'User',
    user_view_type: 'public',
    site_admin: false,
  };
}

/** The organization as an owner / `organization` payload field (same shape as a user). */
export function orgAsOwner(org: EmulatorOrg, urls: Urls): Record<string, unknown> {
  const api = `${urls.api}/users/${org.login}`;
  return {
    login: org.login,
    id: org.id,
    node_id: nodeId('Organization', org.id),
    avatar_url: avatarUrl(urls, org.login),
    gravatar_id: '',
    url: api,
    html_url: `${urls.web}/${org.login}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: 'Organization',
    user_view_type: 'public',
    site_admin: false,
  };
}

/** `GET /user` / `GET /users/:login`; private fields only for the user with `user`/`read:user`. */
export function fullUser(
  user: EmulatorUser,
  urls: Urls,
  counts: { publicRepos: number; privateRepos: number },
  withPrivate: boolean,
): Record<string, unknown> {
  const base = {
    ...simpleUser(user, urls),
    user_view_type: withPrivate ? 'private' : 'public',
    name: user.name,
    company: null,
    blog: '',
    location: null,
    email: user.email,
    hireable: null,
    bio: null,
    twitter_username: null,
    notification_email: withPrivate ? user.email : undefined,
    public_repos: counts.publicRepos,
    public_gists: 0,
    followers: 0,
    following: 0,
    created_at: user.createdAt,
    updated_at: user.createdAt,
  };
  if (!withPrivate) return base;
  return {
    ...base,
    private_gists: 0,
    total_private_repos: counts.privateRepos,
    owned_private_repos: counts.privateRepos,
    disk_usage: 0,
    collaborators: 0,
    two_factor_authentication: true,
    plan: {
      name: user.plan,
      space: 976562499,
      collaborators: 0,
      private_repos: 10000,
    },
  };
}

/** `GET /user/orgs` item. */
export function simpleOrg(org: EmulatorOrg, urls: Urls): Record<string, unknown> {
  const api = `${urls.api}/orgs/${org.login}`;
  return {
    login: org.login,
    id: org.id,
    node_id: nodeId('Organization', org.id),
    url: api,
    repos_url: `${api}/repos`,
    events_url: `${api}/events`,
    hooks_url: `${api}/hooks`,
    issues_url: `${api}/issues`,
    members_url: `${api}/members{/member}`,
    public_members_url: `${api}/public_members{/member}`,
    avatar_url: avatarUrl(urls, org.login),
    description: org.description,
  };
}

/** `GET /orgs/:org`; member-only settings are included for members. */
export function fullOrg(
  org: EmulatorOrg,
  urls: Urls,
  publicRepos: number,
  isMember: boolean,
): Record<string, unknown> {
  const base = {
    ...simpleOrg(org, urls),
    name: org.name,
    company: null,
    blog: '',
    location: null,
    email: null,
    twitter_username: null,
    is_verified: false,
    has_organization_projects: true,
    has_repository_projects: true,
    public_repos: publicRepos,
    public_gists: 0,
    followers: 0,
    following: 0,
    html_url: `${urls.web}/${org.login}`,
    created_at: org.createdAt,
    updated_at: org.createdAt,
    archived_at: null,
    type: 'Organization',
  };
  if (!isMember) return base;
  return {
    ...base,
    members_can_create_repositories: org.membersCanCreateRepositories,
    members_can_create_public_repositories: org.membersCanCreateRepositories,
    members_can_create_private_repositories: org.membersCanCreateRepositories,
    default_repository_permission: 'read',
    two_factor_requirement_enabled: false,
    plan: {
      name: org.plan,
      space: 976562499,
      private_repos: 10000,
      filled_seats: org.members.size,
      seats: 0,
    },
  };
}
