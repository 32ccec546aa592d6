import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { acceptScopes, permissionOf, readableRepo, requireAuth, writableRepo } from '../auth';
import { type EmulatorContext, urlsFor } from '../context';
import { GitHubError, notFound } from '../errors';
import { paginate } from '../http/paginate';
import { parseBody } from '../http/validate';
import { repoJson } from '../json/repo';
import { createRepository, normalizeRepoName } from '../repos/create-repo';
import { hasAnyScope } from '../scopes';
import type { Repo } from '../state';
import { registerBranchRoutes } from './branches';

const createSchema = z.object({
  name: z.string(),
  description: z.string().nullish(),
  homepage: z.string().nullish(),
  private: z.boolean().optional(),
  visibility: z.enum(['public', 'private', 'internal']).optional(),
  auto_init: z.boolean().optional(),
});

const updateSchema = z.object({
  name: z.string().optional(),
  description: z.string().nullish(),
  homepage: z.string().nullish(),
  private: z.boolean().optional(),
  visibility: z.enum(['public', 'private', 'internal']).optional(),
  default_branch: z.string().optional(),
});

type Params = { owner: string; repo: string };

const CREATE_SCOPES = ['public_repo', 'repo'];

/** Repository CRUD, `/user/repos`, plus branches and branch protection. */
export function registerRepoRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  const create = (owner: string, ownerType: Repo['ownerType'], body: unknown, login: string) => {
    const state = ctx.store.state;
    const input = parseBody(createSchema, body);
    const isPrivate = input.visibility ? input.visibility !== 'public' : (input.private ?? false);
    const user = state.users.get(login);
    if (!user) throw notFound();
    return createRepository(
      state,
      {
        owner,
        ownerType,
        name: input.name,
        description: input.description ?? null,
        homepage: input.homepage ?? null,
        private: isPrivate,
        autoInit: input.auto_init ?? false,
      },
      user,
    );
  };

  const needCreateScope = (scopes: string[], body: unknown) => {
    const b = (body ?? {}) as { private?: unknown; visibility?: unknown };
    const wantsPrivate =
      b.private === true || b.visibility === 'private' || b.visibility === 'internal';
    // Private repositories need `repo`; public ones also accept `public_repo`. GitHub hides
    // the endpoint (404) from a token without either.
    if (!hasAnyScope(scopes, wantsPrivate ? ['repo'] : CREATE_SCOPES)) throw notFound();
  };

  app.post('/user/repos', async (request, reply) => {
    const { user, token } = requireAuth(ctx.store.state, request);
    acceptScopes(reply, CREATE_SCOPES);
    needCreateScope(token.scopes, request.body);
    const repo = create(user.login, 'User', request.body, user.login);
    return reply
      .code(201)
      .send(repoJson(ctx.store.state, repo, urlsFor(ctx, request), { permission: 'admin' }));
  });

  app.post('/orgs/:org/repos', async (request, reply) => {
    const { user, token } = requireAuth(ctx.store.state, request);
    acceptScopes(reply, CREATE_SCOPES);
    const org = ctx.store.state.orgs.get((request.params as { org: string }).org.toLowerCase());
    const role = org?.members.get(user.login);
    if (!org || !role) throw notFound();
    needCreateScope(token.scopes, request.body);
    if (role !== 'admin' && !org.membersCanCreateRepositories) {
      throw new GitHubError(
        403,
        'You need admin access to the organization before adding a repository to it.',
        {
          documentationUrl:
            'https://docs.github.com/rest/repos/repos#create-an-organization-repository',
        },
      );
    }
    const repo = create(org.login, 'Organization', request.body, user.login);
    const permission = permissionOf(ctx.store.state, repo, user.login);
    return reply
      .code(201)
      .send(repoJson(ctx.store.state, repo, urlsFor(ctx, request), { permission }));
  });

  app.get('/user/repos', async (request, reply) => {
    const state = ctx.store.state;
    const { user, token } = requireAuth(state, request);
    const canSeePrivate = hasAnyScope(token.scopes, ['repo']);
    const repos = [...state.repos.values()]
      // Owned and organization repositories; private ones only with the `repo` scope.
      .filter((r) => ['admin', 'write'].includes(permissionOf(state, r, user.login)))
      .filter((r) => canSeePrivate || !r.private)
      .sort((a, b) => `${a.owner}/${a.name}`.localeCompare(`${b.owner}/${b.name}`));
    const urls = urlsFor(ctx, request);
    return paginate(request, reply, repos).map((repo) =>
      repoJson(state, repo, urls, { permission: permissionOf(state, repo, user.login) }),
    );
  });

  app.get('/repos/:owner/:repo', async (request) => {
    const { owner, repo: name } = request.params as Params;
    const { repo, auth, permission } = readableRepo(ctx.store.state, request, owner, name);
    return repoJson(ctx.store.state, repo, urlsFor(ctx, request), auth ? { permission } : {});
  });

  app.patch('/repos/:owner/:repo', async (request) => {
    const state = ctx.store.state;
    const { owner, repo: name } = request.params as Params;
    const { repo } = writableRepo(state, request, owner, name, { admin: true, scopes: ['repo'] });
    const input = parseBody(updateSchema, request.body);
    if (input.name !== undefined && input.name !== repo.name) {
      const newName = normalizeRepoName(input.name);
      if (
        state.repos.has(`${repo.owner}/${newName}`.toLowerCase()) &&
        newName.toLowerCase() !== repo.name.toLowerCase()
      ) {
        throw new GitHubError(422, 'Validation Failed', {
          errors: [
            {
              resource: 'Repository',
              code: 'custom',
              field: 'name',
              message: 'name already exists on this account',
            },
          ],
        });
      }
      state.repos.delete(`${repo.owner}/${repo.name}`.toLowerCase());
      repo.name = newName;
      state.repos.set(`${repo.owner}/${repo.name}`.toLowerCase(), repo);
    }
    if (input.default_branch !== undefined) {
      if (!repo.git.refs.has(`refs/heads/${input.default_branch}`)) {
        throw new GitHubError(422, 'Validation Failed', {
          errors: [{ resource: 'Repository', code: 'invalid', field: 'default_branch' }],
        });
      }
      repo.defaultBranch = input.default_branch;
    }
    if (input.description !== undefined) repo.description = input.description ?? null;
    if (input.homepage !== undefined) repo.homepage = input.homepage ?? null;
    if (input.visibility !== undefined) repo.private = input.visibility !== 'public';
    else if (input.private !== undefined) repo.private = input.private;
    repo.updatedAt = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
    return repoJson(state, repo, urlsFor(ctx, request), { permission: 'admin' });
  });

  app.delete('/repos/:owner/:repo', async (request, reply) => {
    const state = ctx.store.state;
    const { owner, repo: name } = request.params as Params;
    const { repo, auth, permission } = readableRepo(state, request, owner, name);
    acceptScopes(reply, ['delete_repo']);
    if (!auth) throw new GitHubError(401, 'Requires authentication');
    // Deleting needs the separate `delete_repo` scope; `repo` alone gets this 403.
    if (permission !== 'admin' || !hasAnyScope(auth.token.scopes, ['delete_repo'])) {
      throw new GitHubError(403, 'Must have admin rights to Repository.', {
        documentationUrl: 'https://docs.github.com/rest/repos/repos#delete-a-repository',
      });
    }
    state.repos.delete(`${repo.owner}/${repo.name}`.toLowerCase());
    return reply.code(204).send();
  });

  registerBranchRoutes(app, ctx);
}
