import { GitHubError } from '../errors';
import { type GitDatabase, getTree, putObject } from './database';
import { createBlob, createTree, type TreeEntry, type TreeMode } from './objects';

/** One `tree[]` item of `POST /git/trees`: set `sha` (null deletes) or inline `content`. */
export interface TreeChange {
  path: string;
  mode: TreeMode;
  type: 'blob' | 'tree' | 'commit';
  sha?: string | null;
  content?: string;
}

interface Dir {
  entries: Map<string, TreeEntry | Dir>;
}

function isDir(node: TreeEntry | Dir): node is Dir {
  return 'entries' in node;
}

function loadDir(db: GitDatabase, treeSha: string | null): Dir {
  const dir: Dir = { entries: new Map() };
  const tree = treeSha ? getTree(db, treeSha) : undefined;
  for (const entry of tree?.entries ?? []) dir.entries.set(entry.name, entry);
  return dir;
}

// GitHub's message for "", ".", "..", ".git" or doubled slashes in a tree path.
function malformed(): GitHubError {
  return new GitHubError(422, 'tree.path contains a malformed path component', {
    documentationUrl: 'https://docs.github.com/rest/git/trees#create-a-tree',
  });
}

function splitPath(path: string): string[] {
  const parts = path.split('/');
  for (const part of parts) {
    if (part === '' || part === '.' || part === '..' || part.toLowerCase() === '.git') {
      throw malformed();
    }
  }
  return parts;
}

function childDir(db: GitDatabase, parent: Dir, name: string): Dir {
  const existing = parent.entries.get(name);
  if (existing && isDir(existing)) return existing;
  const dir = existing?.type === 'tree' ? loadDir(db, existing.sha) : loadDir(db, null);
  parent.entries.set(name, dir);
  return dir;
}

function resolveSha(db: GitDatabase, change: TreeChange): string {
  if (change.content !== undefined) {
    return putObject(db, createBlob(Buffer.from(change.content, 'utf8'))).sha;
  }
  const sha = change.sha as string;
  // Submodule entries point at commits of other repositories, which git never checks.
  if (change.type !== 'commit' && db.objects.get(sha)?.type !== change.type) {
    throw new GitHubError(422, `tree.sha ${sha} is not a valid ${change.type}`, {
      documentationUrl: 'https://docs.github.com/rest/git/trees#create-a-tree',
    });
  }
  return sha;
}

function applyChange(db: GitDatabase, root: Dir, change: TreeChange): void {
  const parts = splitPath(change.path);
  const name = parts.pop() as string;
  let dir = root;
  for (const part of parts) dir = childDir(db, dir, part);
  if (change.sha === null && change.content === undefined) {
    // GitHub: "Returns an error if you try to delete a file that does not exist."
    if (!dir.entries.has(name)) {
      throw new GitHubError(422, `tree.path ${change.path} does not exist`, {
        documentationUrl: 'https://docs.github.com/rest/git/trees#create-a-tree',
      });
    }
    dir.entries.delete(name);
    return;
  }
  const entry: TreeEntry = {
    mode: change.mode,
    name,
    type: change.type,
    sha: resolveSha(db, change),
  };
  dir.entries.set(name, entry);
}

function writeDir(db: GitDatabase, dir: Dir): string | null {
  const entries: TreeEntry[] = [];
  for (const [name, node] of dir.entries) {
    if (!isDir(node)) {
      entries.push(node);
      continue;
    }
    const sha = writeDir(db, node);
    // Git cannot represent an empty directory: deleting a folder's last file drops it.
    if (sha) entries.push({ mode: '040000', name, type: 'tree', sha });
  }
  if (entries.length === 0) return null;
  return putObject(db, createTree(entries)).sha;
}

/**
 * Applies `POST /git/trees` entries on top of `baseTree` (or an empty tree) and stores every
 * new tree; returns the root tree's sha. Nested paths create intermediate directories.
 */
export function buildTree(db: GitDatabase, baseTree: string | null, changes: TreeChange[]): string {
  const root = loadDir(db, baseTree);
  for (const change of changes) applyChange(db, root, change);
  return writeDir(db, root) ?? putObject(db, createTree([])).sha;
}
