import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { readableRepo, writableRepo } from '../auth';
import { type EmulatorContext, urlsFor } from '../context';
import { emptyRepository, GitHubError, notFound } from '../errors';
import { flattenTree, getBlob, getCommit, getTree, putObject } from '../git/database';
import { createBlob, createCommit, gitDate } from '../git/objects';
import { buildTree } from '../git/tree-builder';
import { assertTreeAllowed } from '../git/workflow-guard';
import { parseBody } from '../http/validate';
import { blobJson, commitJson, treeEntries, treeJson } from '../json/git';
import { identityOf } from '../repos/create-repo';
import type { Repo } from '../state';
import { registerContentsRoutes } from './contents';

type Params = { owner: string; repo: string };
type ShaParams = Params & { sha: string };

const blobSchema = z.object({
  content: z.string(),
  encoding: z.enum(['utf-8', 'base64']).optional(),
});

const treeSchema = z.object({
  base_tree: z.string().optional(),
  tree: z.array(
    z.object({
      path: z.string(),
      mode: z.enum(['100644', '100755', '040000', '160000', '120000']),
      type: z.enum(['blob', 'tree', 'commit']),
      sha: z.string().nullable().optional(),
      content: z.string().optional(),
    }),
  ),
});

const person = z.object({ name: z.string(), email: z.string(), date: z.string().optional() });
const commitSchema = z.object({
  message: z.string(),
  tree: z.string(),
  parents: z.array(z.string()).optional(),
  author: person.optional(),
  committer: person.optional(),
  signature: z.string().optional(),
});

/** Git Data on a repository without commits is a 409 — the reason clients use `auto_init`. */
function assertNotEmpty(repo: Repo): void {
  if (repo.git.refs.size === 0) throw emptyRepository();
}

/** Resolves a tree sha, a commit sha or a branch name to a tree sha. */
function resolveTree(repo: Repo, treeish: string): string | undefined {
  if (getTree(repo.git, treeish)) return treeish;
  const commit =
    getCommit(repo.git, treeish) ??
    getCommit(repo.git, repo.git.refs.get(`refs/heads/${treeish}`) ?? '');
  return commit?.tree;
}

/** Blobs, trees and commits of the Git Data API. */
export function registerGitDataRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  app.post('/repos/:owner/:repo/git/blobs', async (request, reply) => {
    const { owner, repo: name } = request.params as Params;
    const { repo } = writableRepo(ctx.store.state, request, owner, name);
    assertNotEmpty(repo);
    const input = parseBody(blobSchema, request.body);
    const bytes = Buffer.from(input.content, input.encoding === 'base64' ? 'base64' : 'utf8');
    const blob = putObject(repo.git, createBlob(bytes));
    const url = `${urlsFor(ctx, request).api}/repos/${repo.owner}/${repo.name}/git/blobs/${blob.sha}`;
    return reply.code(201).send({ url, sha: blob.sha });
  });

  app.get('/repos/:owner/:repo/git/blobs/:sha', async (request) => {
    const { owner, repo: name, sha } = request.params as ShaParams;
    const { repo } = readableRepo(ctx.store.state, request, owner, name);
    assertNotEmpty(repo);
    const blob = getBlob(repo.git, sha);
    if (!blob) throw notFound('https://docs.github.com/rest/git/blobs#get-a-blob');
    return blobJson(urlsFor(ctx, request), repo, blob);
  });

  app.post('/repos/:owner/:repo/git/trees', async (request, reply) => {
    const { owner, repo: name } = request.params as Params;
    const { repo, auth } = writableRepo(ctx.store.state, request, owner, name);
    assertNotEmpty(repo);
    const input = parseBody(treeSchema, request.body);
    const base = input.base_tree ? resolveTree(repo, input.base_tree) : null;
    if (base === undefined) throw new GitHubError(422, 'base_tree is not a valid tree oid');
    for (const entry of input.tree) {
      if (entry.sha === undefined && entry.content === undefined) {
        throw new GitHubError(422, 'Must supply either tree.sha or tree.content');
      }
      if (typeof entry.sha === 'string' && entry.content !== undefined) {
        throw new GitHubError(422, 'Must supply either tree.sha or tree.content, not both');
      }
    }
    const sha = buildTree(repo.git, base, input.tree);
    assertTreeAllowed(auth, repo, base, sha);
    return reply
      .code(201)
      .send(treeJson(urlsFor(ctx, request), repo, sha, treeEntries(repo.git, sha)));
  });

  app.get('/repos/:owner/:repo/git/trees/:sha', async (request) => {
    const { owner, repo: name, sha } = request.params as ShaParams;
    const { repo } = readableRepo(ctx.store.state, request, owner, name);
    assertNotEmpty(repo);
    const treeSha = resolveTree(repo, sha);
    if (!treeSha) throw notFound('https://docs.github.com/rest/git/trees#get-a-tree');
    // GitHub recurses when `recursive` has *any* value, even "false" or "0".
    const recursive = (request.query as { recursive?: string }).recursive !== undefined;
    const entries = recursive ? flattenTree(repo.git, treeSha) : treeEntries(repo.git, treeSha);
    return treeJson(urlsFor(ctx, request), repo, treeSha, entries);
  });

  app.post('/repos/:owner/:repo/git/commits', async (request, reply) => {
    const state = ctx.store.state;
    const { owner, repo: name } = request.params as Params;
    const { repo, auth } = writableRepo(state, request, owner, name);
    assertNotEmpty(repo);
    const input = parseBody(commitSchema, request.body);
    if (!getTree(repo.git, input.tree)) throw new GitHubError(422, 'Tree SHA does not exist');
    const parents = input.parents ?? [];
    if (parents.some((p) => !getCommit(repo.git, p))) {
      throw new GitHubError(422, 'Parent SHA does not exist or is not a commit object');
    }
    const fallback = identityOf(auth.user);
    const author = input.author
      ? { ...input.author, date: gitDate(input.author.date ?? new Date()) }
      : fallback;
    const committer = input.committer
      ? { ...input.committer, date: gitDate(input.committer.date ?? author.date) }
      : { ...author };
    const commit = putObject(
      repo.git,
      createCommit({ tree: input.tree, parents, author, committer, message: input.message }),
    );
    return reply.code(201).send(commitJson(urlsFor(ctx, request), repo, commit));
  });

  app.get('/repos/:owner/:repo/git/commits/:sha', async (request) => {
    const { owner, repo: name, sha } = request.params as ShaParams;
    const { repo } = readableRepo(ctx.store.state, request, owner, name);
    assertNotEmpty(repo);
    const commit = getCommit(repo.git, sha);
    if (!commit) throw notFound('https://docs.github.com/rest/git/commits#get-a-commit-object');
    return commitJson(urlsFor(ctx, request), repo, commit);
  });

  registerContentsRoutes(app, ctx);
}
