import type { FastifyInstance } from 'fastify';
import { acceptScopes, authenticate, requireAuth } from '../auth';
import { type EmulatorContext, urlsFor } from '../context';
import { GitHubError, notFound } from '../errors';
import { fullOrg, fullUser, simpleOrg, simpleUser } from '../json/account';
import { hasAnyScope } from '../scopes';
import type { EmulatorState, EmulatorUser } from '../state';

function repoCounts(state: EmulatorState, login: string) {
  const owned = [...state.repos.values()].filter(
    (r) => r.owner.toLowerCase() === login.toLowerCase(),
  );
  return {
    publicRepos: owned.filter((r) => !r.private).length,
    privateRepos: owned.filter((r) => r.private).length,
  };
}

function noreplyEmail(user: EmulatorUser): string {
  return `${user.id}+${user.login}@users.noreply.github.com`;
}

// GitHub documents that /user/orgs needs `user` or `read:org` and answers 403 without them;
// membership lookups need the same org read access.
const ORG_READ_SCOPES = ['read:org', 'user', 'admin:org', 'write:org'];

/** `/user`, `/user/emails`, `/user/orgs`, `/user/memberships/orgs/:org`, `/orgs/:org`, `/users/:login`. */
export function registerUserRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  app.get('/user', async (request) => {
    const { user, token } = requireAuth(ctx.store.state, request);
    const withPrivate = hasAnyScope(token.scopes, ['user', 'read:user']);
    return fullUser(
      user,
      urlsFor(ctx, request),
      repoCounts(ctx.store.state, user.login),
      withPrivate,
    );
  });

  app.get('/user/emails', async (request, reply) => {
    const { user, token } = requireAuth(ctx.store.state, request);
    acceptScopes(reply, ['user', 'user:email']);
    // Without `user:email` GitHub answers 404, not 403.
    if (!hasAnyScope(token.scopes, ['user', 'user:email'])) throw notFound();
    const emails = user.email
      ? [{ email: user.email, primary: true, verified: true, visibility: 'private' }]
      : [];
    return [
      ...emails,
      { email: noreplyEmail(user), primary: !user.email, verified: true, visibility: null },
    ];
  });

  app.get('/users/:login', async (request) => {
    const { login } = request.params as { login: string };
    const state = ctx.store.state;
    const user = state.users.get(login.toLowerCase());
    if (user) return fullUser(user, urlsFor(ctx, request), repoCounts(state, user.login), false);
    const org = state.orgs.get(login.toLowerCase());
    if (org)
      return fullOrg(org, urlsFor(ctx, request), repoCounts(state, org.login).publicRepos, false);
    throw notFound();
  });

  app.get('/user/orgs', async (request, reply) => {
    const { user, token } = requireAuth(ctx.store.state, request);
    acceptScopes(reply, ['admin:org', 'read:org', 'repo', 'user', 'write:org']);
    if (!hasAnyScope(token.scopes, ORG_READ_SCOPES)) {
      throw new GitHubError(
        403,
        'You need at least read:org scope or user scope to list your organizations.',
      );
    }
    const orgs = [...ctx.store.state.orgs.values()].filter((o) => o.members.has(user.login));
    return orgs.map((org) => simpleOrg(org, urlsFor(ctx, request)));
  });

  app.get('/user/memberships/orgs/:org', async (request, reply) => {
    const { user, token } = requireAuth(ctx.store.state, request);
    acceptScopes(reply, ['admin:org', 'read:org', 'repo', 'user', 'write:org']);
    const { org: login } = request.params as { org: string };
    const org = ctx.store.state.orgs.get(login.toLowerCase());
    const role = org?.members.get(user.login);
    if (!org || !role || !hasAnyScope(token.scopes, ORG_READ_SCOPES)) throw notFound();
    const urls = urlsFor(ctx, request);
    return {
      url: `${urls.api}/orgs/${org.login}/memberships/${user.login}`,
      state: 'active',
      role,
      organization_url: `${urls.api}/orgs/${org.login}`,
      organization: simpleOrg(org, urls),
      user: simpleUser(user, urls),
    };
  });

  app.get('/orgs/:org', async (request) => {
    const auth = authenticate(ctx.store.state, request);
    const { org: login } = request.params as { org: string };
    const state = ctx.store.state;
    const org = state.orgs.get(login.toLowerCase());
    if (!org) throw notFound();
    const isMember = auth ? org.members.has(auth.user.login) : false;
    return fullOrg(org, urlsFor(ctx, request), repoCounts(state, org.login).publicRepos, isMember);
  });

  app.get('/rate_limit', async (request) => {
    const auth = authenticate(ctx.store.state, request);
    const bucket = ctx.store.state.rateLimit.get(auth ? auth.token.token : `ip:${request.ip}`);
    // GitHub does not count /rate_limit against the limit; undo the onRequest hook's count.
    if (bucket) bucket.used = Math.max(0, bucket.used - 1);
    const limit = auth ? 5000 : 60;
    const used = bucket?.used ?? 0;
    const reset = Math.floor((bucket?.resetAt ?? Date.now() + 3_600_000) / 1000);
    const core = { limit, used, remaining: limit - used, reset, resource: 'core' };
    return { resources: { core }, rate: core };
  });
}
