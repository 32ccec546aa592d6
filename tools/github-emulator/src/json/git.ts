import { type FlatEntry, type GitDatabase, getTree } from '../git/database';
import type { BlobObject, CommitObject, TreeEntry } from '../git/objects';
import type { Repo } from '../state';
import { nodeId, type Urls } from './urls';

function repoApi(urls: Urls, repo: Repo): string {
  return `${urls.api}/repos/${repo.owner}/${repo.name}`;
}

/** `GET /git/blobs/:sha` (content base64 with a newline every 60 characters, as GitHub does). */
export function blobJson(urls: Urls, repo: Repo, blob: BlobObject): Record<string, unknown> {
  const base64 = blob.content.toString('base64');
  return {
    sha: blob.sha,
    node_id: nodeId('Blob', blob.sha),
    size: blob.content.length,
    url: `${repoApi(urls, repo)}/git/blobs/${blob.sha}`,
    content: `${base64.replace(/(.{60})/g, '$1\n')}\n`,
    encoding: 'base64',
  };
}

function blobSize(db: GitDatabase, sha: string): number {
  const object = db.objects.get(sha);
  return object?.type === 'blob' ? object.content.length : 0;
}

function entryJson(urls: Urls, repo: Repo, db: GitDatabase, entry: TreeEntry | FlatEntry) {
  const kind = entry.type === 'tree' ? 'trees' : 'blobs';
  const size = entry.type === 'blob' ? blobSize(db, entry.sha) : undefined;
  return {
    path: 'path' in entry ? entry.path : entry.name,
    mode: entry.mode,
    type: entry.type,
    sha: entry.sha,
    ...(size === undefined ? {} : { size }),
    ...(entry.type === 'commit' ? {} : { url: `${repoApi(urls, repo)}/git/${kind}/${entry.sha}` }),
  };
}

/** `GET /git/trees/:sha` — top-level entries, or every entry when `recursive`. */
export function treeJson(
  urls: Urls,
  repo: Repo,
  sha: string,
  entries: (TreeEntry | FlatEntry)[],
): Record<string, unknown> {
  return {
    sha,
    url: `${repoApi(urls, repo)}/git/trees/${sha}`,
    tree: entries.map((entry) => entryJson(urls, repo, repo.git, entry)),
    truncated: false,
  };
}

/** Top-level entries of a stored tree. */
export function treeEntries(db: GitDatabase, sha: string): TreeEntry[] {
  return getTree(db, sha)?.entries ?? [];
}

/** `GET /git/commits/:sha`. */
export function commitJson(urls: Urls, repo: Repo, commit: CommitObject): Record<string, unknown> {
  const api = repoApi(urls, repo);
  const web = `${urls.web}/${repo.owner}/${repo.name}`;
  return {
    sha: commit.sha,
    node_id: nodeId('Commit', commit.sha),
    url: `${api}/git/commits/${commit.sha}`,
    html_url: `${web}/commit/${commit.sha}`,
    author: commit.author,
    committer: commit.committer,
    tree: { sha: commit.tree, url: `${api}/git/trees/${commit.tree}` },
    message: commit.message,
    parents: commit.parents.map((sha) => ({
      sha,
      url: `${api}/git/commits/${sha}`,
      html_url: `${web}/commit/${sha}`,
    })),
    verification: {
      verified: false,
      reason: 'unsigned',
      signature: null,
      payload: null,
      verified_at: null,
    },
  };
}

/** `GET /git/ref/heads/:branch`. */
export function refJson(urls: Urls, repo: Repo, ref: string, sha: string): Record<string, unknown> {
  const api = repoApi(urls, repo);
  return {
    ref,
    node_id: nodeId('Ref', `${repo.id}:${ref}`),
    url: `${api}/git/${ref}`,
    object: { sha, type: 'commit', url: `${api}/git/commits/${sha}` },
  };
}
