import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { readableRepo, writableRepo } from '../auth';
import { type EmulatorContext, urlsFor } from '../context';
import { emptyRepository, GitHubError, notFound } from '../errors';
import { getCommit, isAncestor } from '../git/database';
import { assertRefUpdateAllowed } from '../git/workflow-guard';
import { parseBody } from '../http/validate';
import { refJson } from '../json/git';
import { afterRefUpdate } from '../repos/after-push';
import type { Repo } from '../state';

type RefParams = { owner: string; repo: string; '*': string };

const createSchema = z.object({ ref: z.string(), sha: z.string() });
const updateSchema = z.object({ sha: z.string(), force: z.boolean().optional() });

const REFS_DOCS = 'https://docs.github.com/rest/git/refs';

function refError(message: string): GitHubError {
  return new GitHubError(422, message, { documentationUrl: REFS_DOCS });
}

function assertNotEmpty(repo: Repo): void {
  if (repo.git.refs.size === 0) throw emptyRepository();
}

/** `git/ref/*` (GET, singular), `git/matching-refs/*`, and `git/refs` create/update/delete. */
export function registerGitRefRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  // Note the singular `ref` for reads; `refs/*` is for writes (and a legacy read).
  app.get('/repos/:owner/:repo/git/ref/*', async (request) => {
    const { owner, repo: name, '*': ref } = request.params as RefParams;
    const { repo } = readableRepo(ctx.store.state, request, owner, name);
    assertNotEmpty(repo);
    const full = `refs/${ref}`;
    const sha = repo.git.refs.get(full);
    if (!sha) throw notFound(`${REFS_DOCS}#get-a-reference`);
    return refJson(urlsFor(ctx, request), repo, full, sha);
  });

  app.get('/repos/:owner/:repo/git/matching-refs/*', async (request) => {
    const { owner, repo: name, '*': prefix } = request.params as RefParams;
    const { repo } = readableRepo(ctx.store.state, request, owner, name);
    assertNotEmpty(repo);
    const urls = urlsFor(ctx, request);
    return [...repo.git.refs]
      .filter(([ref]) => ref.startsWith(`refs/${prefix}`))
      .map(([ref, sha]) => refJson(urls, repo, ref, sha));
  });

  app.post('/repos/:owner/:repo/git/refs', async (request, reply) => {
    const { owner, repo: name } = request.params as RefParams;
    const { repo, auth } = writableRepo(ctx.store.state, request, owner, name);
    assertNotEmpty(repo);
    const input = parseBody(createSchema, request.body);
    // GitHub: the ref must start with "refs" and contain at least two slashes.
    if (!/^refs\/[^/]+\/.+/.test(input.ref)) throw refError('Reference name is invalid');
    if (repo.git.refs.has(input.ref)) throw refError('Reference already exists');
    if (!getCommit(repo.git, input.sha)) throw refError('Object does not exist');
    assertRefUpdateAllowed(auth, repo, null, input.sha);
    repo.git.refs.set(input.ref, input.sha);
    const urls = urlsFor(ctx, request);
    afterRefUpdate(
      ctx,
      repo,
      { ref: input.ref, before: null, after: input.sha, forced: false, pusher: auth.user.login },
      urls,
    );
    return reply.code(201).send(refJson(urls, repo, input.ref, input.sha));
  });

  app.patch('/repos/:owner/:repo/git/refs/*', async (request) => {
    const { owner, repo: name, '*': ref } = request.params as RefParams;
    const { repo, auth } = writableRepo(ctx.store.state, request, owner, name);
    assertNotEmpty(repo);
    const input = parseBody(updateSchema, request.body);
    const full = `refs/${ref}`;
    const before = repo.git.refs.get(full);
    if (!before) throw refError('Reference does not exist');
    if (!getCommit(repo.git, input.sha)) throw refError('Object does not exist');
    const fastForward = isAncestor(repo.git, before, input.sha);
    if (!fastForward && !input.force) throw refError('Update is not a fast forward');
    assertRefUpdateAllowed(auth, repo, before, input.sha);
    repo.git.refs.set(full, input.sha);
    const urls = urlsFor(ctx, request);
    if (before !== input.sha) {
      afterRefUpdate(
        ctx,
        repo,
        { ref: full, before, after: input.sha, forced: !fastForward, pusher: auth.user.login },
        urls,
      );
    }
    return refJson(urls, repo, full, input.sha);
  });

  app.delete('/repos/:owner/:repo/git/refs/*', async (request, reply) => {
    const { owner, repo: name, '*': ref } = request.params as RefParams;
    const { repo } = writableRepo(ctx.store.state, request, owner, name);
    assertNotEmpty(repo);
    if (!repo.git.refs.delete(`refs/${ref}`)) throw refError('Reference does not exist');
    return reply.code(204).send();
  });
}
