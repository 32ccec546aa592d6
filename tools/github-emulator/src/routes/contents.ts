import type { FastifyInstance } from 'fastify';
import { readableRepo } from '../auth';
import { type EmulatorContext, urlsFor } from '../context';
import { GitHubError, notFound } from '../errors';
import { getBlob, getCommit, getTree } from '../git/database';
import type { TreeEntry } from '../git/objects';
import type { Urls } from '../json/urls';
import type { Repo } from '../state';

function resolveCommit(repo: Repo, ref: string): string | undefined {
  const sha =
    repo.git.refs.get(`refs/heads/${ref}`) ??
    repo.git.refs.get(`refs/tags/${ref}`) ??
    repo.git.refs.get(ref) ??
    ref;
  return getCommit(repo.git, sha)?.sha;
}

function itemJson(urls: Urls, repo: Repo, ref: string, path: string, entry: TreeEntry) {
  const api = `${urls.api}/repos/${repo.owner}/${repo.name}`;
  const web = `${urls.web}/${repo.owner}/${repo.name}`;
  const kind = entry.type === 'tree' ? 'tree' : 'blob';
  const self = `${api}/contents/${path}?ref=${encodeURIComponent(ref)}`;
  const gitUrl = `${api}/git/${kind}s/${entry.sha}`;
  const htmlUrl = `${web}/${kind}/${ref}/${path}`;
  return {
    type: entry.type === 'tree' ? 'dir' : entry.type === 'commit' ? 'submodule' : 'file',
    size: entry.type === 'blob' ? (getBlob(repo.git, entry.sha)?.content.length ?? 0) : 0,
    name: entry.name,
    path,
    sha: entry.sha,
    url: self,
    git_url: gitUrl,
    html_url: htmlUrl,
    download_url: entry.type === 'blob' ? `${web}/raw/${ref}/${path}` : null,
    _links: { self, git: gitUrl, html: htmlUrl },
  };
}

/** `GET /repos/:o/:r/contents/:path` — a file (base64) or a directory listing. */
export function registerContentsRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  const handler = async (request: import('fastify').FastifyRequest) => {
    const {
      owner,
      repo: name,
      '*': rawPath = '',
    } = request.params as { owner: string; repo: string; '*'?: string };
    const { repo } = readableRepo(ctx.store.state, request, owner, name);
    if (repo.git.refs.size === 0) throw new GitHubError(404, 'This repository is empty.');
    const ref = (request.query as { ref?: string }).ref ?? repo.defaultBranch;
    const commit = resolveCommit(repo, ref);
    if (!commit) throw new GitHubError(404, `No commit found for the ref ${ref}`);
    const path = rawPath.replace(/^\/+|\/+$/g, '');
    let treeSha = getCommit(repo.git, commit)?.tree as string;
    let entry: TreeEntry | undefined;
    for (const part of path ? path.split('/') : []) {
      entry = getTree(repo.git, treeSha)?.entries.find((e) => e.name === part);
      if (!entry)
        throw notFound('https://docs.github.com/rest/repos/contents#get-repository-content');
      if (entry.type === 'tree') treeSha = entry.sha;
    }
    const urls = urlsFor(ctx, request);
    if (!entry || entry.type === 'tree') {
      const entries = getTree(repo.git, treeSha)?.entries ?? [];
      return entries.map((e) => itemJson(urls, repo, ref, path ? `${path}/${e.name}` : e.name, e));
    }
    const blob = getBlob(repo.git, entry.sha);
    const base64 = blob?.content.toString('base64') ?? '';
    return {
      ...itemJson(urls, repo, ref, path, entry),
      content: `${base64.replace(/(.{60})/g, '$1\n')}\n`,
      encoding: 'base64',
    };
  };
  app.get('/repos/:owner/:repo/contents', handler);
  app.get('/repos/:owner/:repo/contents/*', handler);
}
