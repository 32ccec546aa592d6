import { createHash } from 'node:crypto';

/** A name and e-mail with the moment they acted, as in a git commit header. */
export interface GitIdentity {
  name: string;
  email: string;
  /** ISO 8601 with second precision, e.g. `2026-11-22T10:00:00Z`. */
  date: string;
}

/** File modes the Git Data API accepts (`040000` is a subtree, `160000` a submodule). */
export type TreeMode = '100644' | '100755' | '040000' | '160000' | '120000';

/** One entry of a tree object. */
export interface TreeEntry {
  mode: TreeMode;
  name: string;
  type: 'blob' | 'tree' | 'commit';
  sha: string;
}

export interface BlobObject {
  type: 'blob';
  sha: string;
  content: Buffer;
}

export interface TreeObject {
  type: 'tree';
  sha: string;
  entries: TreeEntry[];
}

export interface CommitObject {
  type: 'commit';
  sha: string;
  tree: string;
  parents: string[];
  author: GitIdentity;
  committer: GitIdentity;
  message: string;
}

/** A stored git object; `sha` is computed exactly as `git hash-object` would. */
export type GitObject = BlobObject | TreeObject | CommitObject;

/** SHA-1 of `"<type> <size>\0<content>"`, git's object id. */
export function hashObject(type: GitObject['type'], content: Buffer): string {
  const header = Buffer.from(`${type} ${content.length}\0`);
  return createHash('sha1').update(header).update(content).digest('hex');
}

/** A blob object for the given bytes. */
export function createBlob(content: Buffer): BlobObject {
  return { type: 'blob', sha: hashObject('blob', content), content };
}

// Git orders tree entries by name, comparing a subtree's name as if it ended in "/".
function sortKey(entry: TreeEntry): string {
  return entry.type === 'tree' ? `${entry.name}/` : entry.name;
}

/** A tree object with entries in git's canonical order. */
export function createTree(entries: TreeEntry[]): TreeObject {
  const sorted = [...entries].sort((a, b) => {
    const ka = Buffer.from(sortKey(a));
    const kb = Buffer.from(sortKey(b));
    return Buffer.compare(ka, kb);
  });
  const parts: Buffer[] = [];
  for (const entry of sorted) {
    // Git writes directory modes without the leading zero ("40000").
    const mode = entry.mode === '040000' ? '40000' : entry.mode;
    parts.push(Buffer.from(`${mode} ${entry.name}\0`), Buffer.from(entry.sha, 'hex'));
  }
  return { type: 'tree', sha: hashObject('tree', Buffer.concat(parts)), entries: sorted };
}

function identityLine(role: string, who: GitIdentity): string {
  const seconds = Math.floor(Date.parse(who.date) / 1000);
  return `${role} ${who.name} <${who.email}> ${seconds} +0000`;
}

/** A commit object; its sha matches `git commit-tree` for the same fields (UTC offsets). */
export function createCommit(fields: Omit<CommitObject, 'type' | 'sha'>): CommitObject {
  const lines = [`tree ${fields.tree}`, ...fields.parents.map((p) => `parent ${p}`)];
  lines.push(identityLine('author', fields.author), identityLine('committer', fields.committer));
  const body = `${lines.join('\n')}\n\n${fields.message}`;
  return { type: 'commit', sha: hashObject('commit', Buffer.from(body)), ...fields };
}

/** `2026-11-22T10:00:00Z`: git stores whole seconds, and GitHub echoes them this way. */
export function gitDate(date: Date | string = new Date()): string {
  const d = typeof date === 'string' ? new Date(date) : date;
  return `${d.toISOString().slice(0, 19)}Z`;
}
