import type { BlobObject, CommitObject, GitObject, TreeEntry, TreeObject } from './objects';

/** A repository's object database and references (`refs/heads/main` → commit sha). */
export interface GitDatabase {
  objects: Map<string, GitObject>;
  refs: Map<string, string>;
}

/** One file or directory of a flattened tree, as `GET /git/trees/:sha?recursive=1` lists it. */
export interface FlatEntry extends TreeEntry {
  path: string;
  size?: number;
}

/** Stores an object (idempotent: equal content has an equal sha) and returns it. */
export function putObject<T extends GitObject>(db: GitDatabase, object: T): T {
  db.objects.set(object.sha, object);
  return object;
}

export function getBlob(db: GitDatabase, sha: string): BlobObject | undefined {
  const object = db.objects.get(sha);
  return object?.type === 'blob' ? object : undefined;
}

export function getTree(db: GitDatabase, sha: string): TreeObject | undefined {
  const object = db.objects.get(sha);
  return object?.type === 'tree' ? object : undefined;
}

export function getCommit(db: GitDatabase, sha: string): CommitObject | undefined {
  const object = db.objects.get(sha);
  return object?.type === 'commit' ? object : undefined;
}

/** Every entry below `treeSha`, depth first, with full paths (directories included). */
export function flattenTree(db: GitDatabase, treeSha: string, prefix = ''): FlatEntry[] {
  const tree = getTree(db, treeSha);
  if (!tree) return [];
  const out: FlatEntry[] = [];
  for (const entry of tree.entries) {
    const path = `${prefix}${entry.name}`;
    if (entry.type === 'tree') {
      out.push({ ...entry, path });
      out.push(...flattenTree(db, entry.sha, `${path}/`));
    } else {
      const size = entry.type === 'blob' ? getBlob(db, entry.sha)?.content.length : undefined;
      out.push({ ...entry, path, ...(size === undefined ? {} : { size }) });
    }
  }
  return out;
}

/** Path → blob sha for every file of a tree. */
export function blobsByPath(db: GitDatabase, treeSha: string | null): Map<string, string> {
  const out = new Map<string, string>();
  if (!treeSha) return out;
  for (const entry of flattenTree(db, treeSha)) {
    if (entry.type === 'blob') out.set(entry.path, entry.sha);
  }
  return out;
}

/** Path → UTF-8 content of every file in a commit's tree. */
export function filesAtCommit(db: GitDatabase, commitSha: string): Record<string, string> {
  const commit = getCommit(db, commitSha);
  const files: Record<string, string> = {};
  if (!commit) return files;
  for (const [path, sha] of blobsByPath(db, commit.tree)) {
    files[path] = getBlob(db, sha)?.content.toString('utf8') ?? '';
  }
  return files;
}

/** True when `ancestor` is reachable from `descendant` (or equal): a fast-forward. */
export function isAncestor(db: GitDatabase, ancestor: string, descendant: string): boolean {
  const seen = new Set<string>();
  const queue = [descendant];
  while (queue.length > 0) {
    const sha = queue.shift() as string;
    if (sha === ancestor) return true;
    if (seen.has(sha)) continue;
    seen.add(sha);
    queue.push(...(getCommit(db, sha)?.parents ?? []));
  }
  return false;
}

/** First-parent history from `head`, newest first, stopping before `stop` (exclusive). */
export function firstParentLog(
  db: GitDatabase,
  head: string,
  stop: string | null = null,
  limit = 100,
): CommitObject[] {
  const out: CommitObject[] = [];
  let sha: string | undefined = head;
  while (sha && sha !== stop && out.length < limit) {
    const commit = getCommit(db, sha);
    if (!commit) break;
    out.push(commit);
    sha = commit.parents[0];
  }
  return out;
}

/** Which paths a change adds, removes and modifies between two trees. */
export function diffTrees(
  db: GitDatabase,
  before: string | null,
  after: string | null,
): { added: string[]; removed: string[]; modified: string[] } {
  const a = blobsByPath(db, before);
  const b = blobsByPath(db, after);
  const added: string[] = [];
  const removed: string[] = [];
  const modified: string[] = [];
  for (const [path, sha] of b) {
    const old = a.get(path);
    if (old === undefined) added.push(path);
    else if (old !== sha) modified.push(path);
  }
  for (const path of a.keys()) if (!b.has(path)) removed.push(path);
  return { added, removed, modified };
}
