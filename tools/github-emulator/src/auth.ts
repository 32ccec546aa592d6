import type { FastifyReply, FastifyRequest } from 'fastify';
import { GitHubError, notFound } from './errors';
import { hasAnyScope } from './scopes';
import {
  type AccessToken,
  type EmulatorState,
  type EmulatorUser,
  findRepo,
  type Repo,
} from './state';

/** The caller behind a REST request's token. */
export interface Auth {
  token: AccessToken;
  user: EmulatorUser;
}

/** What a user may do in a repository. */
export type Permission = 'admin' | 'write' | 'read' | 'none';

const authCache = new WeakMap<FastifyRequest, Auth | null>();

function tokenFromHeader(header: string | undefined): string | null {
  if (!header) return null;
  const [scheme, value] = header.split(/\s+/, 2);
  if (!value) return null;
  const lower = scheme?.toLowerCase();
  if (lower === 'bearer' || lower === 'token') return value;
  if (lower === 'basic') {
    // `user:token` basic auth is still accepted by GitHub for classic tokens.
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    return decoded.slice(decoded.indexOf(':') + 1) || null;
  }
  return null;
}

/**
 * Resolves `Authorization: Bearer <t>` / `token <t>` to a user; null when absent. An unknown
 * or revoked token is a 401 "Bad credentials" even on endpoints that allow anonymous access.
 */
export function authenticate(state: EmulatorState, request: FastifyRequest): Auth | null {
  if (authCache.has(request)) return authCache.get(request) ?? null;
  const raw = tokenFromHeader(request.headers.authorization);
  let auth: Auth | null = null;
  if (raw) {
    const token = state.tokens.get(raw);
    const user = token ? state.users.get(token.login) : undefined;
    if (!token || !user) throw new GitHubError(401, 'Bad credentials');
    auth = { token, user };
  }
  authCache.set(request, auth);
  return auth;
}

/** The caller, or 401 "Requires authentication". */
export function requireAuth(state: EmulatorState, request: FastifyRequest): Auth {
  const auth = authenticate(state, request);
  if (!auth) throw new GitHubError(401, 'Requires authentication');
  return auth;
}

/** Sets `X-Accepted-OAuth-Scopes`, which GitHub sends so clients can see what a route needs. */
export function acceptScopes(reply: FastifyReply, scopes: readonly string[]): void {
  reply.header('x-accepted-oauth-scopes', scopes.join(', '));
}

/** The user's permission on a repository (org owners admin, org members write). */
export function permissionOf(state: EmulatorState, repo: Repo, login: string | null): Permission {
  const key = login?.toLowerCase() ?? null;
  if (key && repo.ownerType === 'User' && repo.owner.toLowerCase() === key) return 'admin';
  if (key && repo.ownerType === 'Organization') {
    const role = state.orgs.get(repo.owner.toLowerCase())?.members.get(key);
    if (role === 'admin') return 'admin';
    if (role === 'member') return 'write';
  }
  return repo.private ? 'none' : 'read';
}

/** A repository the caller may read, with their permission. */
export interface RepoAccess {
  repo: Repo;
  auth: Auth | null;
  permission: Permission;
}

/**
 * Finds a repository the caller can see. Private repositories need the `repo` scope; without
 * it (or without access) GitHub answers 404, never 403, so it does not reveal they exist.
 */
export function readableRepo(
  state: EmulatorState,
  request: FastifyRequest,
  owner: string,
  name: string,
): RepoAccess {
  const auth = authenticate(state, request);
  const repo = findRepo(state, owner, name);
  if (!repo) throw notFound('https://docs.github.com/rest/repos/repos#get-a-repository');
  const permission = permissionOf(state, repo, auth?.user.login ?? null);
  if (
    repo.private &&
    (permission === 'none' || !auth || !hasAnyScope(auth.token.scopes, ['repo']))
  ) {
    throw notFound('https://docs.github.com/rest/repos/repos#get-a-repository');
  }
  return { repo, auth, permission };
}

/**
 * A repository the caller may write to: push access and `repo` (or `public_repo` for a public
 * repository) scope. Missing either is a 404, as on GitHub.
 */
export function writableRepo(
  state: EmulatorState,
  request: FastifyRequest,
  owner: string,
  name: string,
  options: { admin?: boolean; scopes?: readonly string[] } = {},
): RepoAccess & { auth: Auth } {
  const access = readableRepo(state, request, owner, name);
  const { auth, repo, permission } = access;
  if (!auth) throw new GitHubError(401, 'Requires authentication');
  const scopes = options.scopes ?? (repo.private ? ['repo'] : ['repo', 'public_repo']);
  const allowed = options.admin
    ? permission === 'admin'
    : permission === 'admin' || permission === 'write';
  if (!allowed || !hasAnyScope(auth.token.scopes, scopes)) throw notFound();
  return { ...access, auth };
}
