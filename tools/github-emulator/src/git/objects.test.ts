import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { GitDatabase } from './database';
import { createBlob, createCommit } from './objects';
import { buildTree } from './tree-builder';

const dir = mkdtempSync(join(tmpdir(), 'emulator-git-'));
const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: dir };
const git = (args: string[], input?: string) =>
  execFileSync('git', args, { cwd: dir, env, input, encoding: 'utf8' }).trim();

afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The emulator's shas must be the ones real git computes, so they look and behave like GitHub's.
describe('git object hashing matches git itself', () => {
  git(['init', '--quiet']);

  it('hashes blobs', () => {
    const content = 'hello world\n';
    expect(createBlob(Buffer.from(content)).sha).toBe(git(['hash-object', '--stdin'], content));
  });

  it('hashes nested trees in git order', () => {
    // "a.txt" < "a/" < "a0" in git's byte order, which a naive name sort gets wrong.
    const files: Record<string, string> = {
      'a.txt': 'a\n',
      'a/b.txt': 'b\n',
      a0: 'zero\n',
      '.github/workflows/ci.yml': 'name: CI\n',
      'src/index.ts': 'export {};\n',
    };
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), content);
    }
    git(['add', '-A']);
    const expected = git(['write-tree']);
    const db: GitDatabase = { objects: new Map(), refs: new Map() };
    const changes = Object.entries(files).map(([path, content]) => ({
      path,
      mode: '100644' as const,
      type: 'blob' as const,
      content,
    }));
    expect(buildTree(db, null, changes)).toBe(expected);
  });

  it('hashes commits', () => {
    const tree = git(['write-tree']);
    const when = '2026-01-01T00:00:00Z';
    const commitEnv = {
      ...env,
      GIT_AUTHOR_NAME: 'The Octocat',
      GIT_AUTHOR_EMAIL: 'octocat@github.com',
      GIT_AUTHOR_DATE: '@1767225600 +0000',
      GIT_COMMITTER_NAME: 'The Octocat',
      GIT_COMMITTER_EMAIL: 'octocat@github.com',
      GIT_COMMITTER_DATE: '@1767225600 +0000',
    };
    const expected = execFileSync('git', ['commit-tree', tree, '-F', '-'], {
      cwd: dir,
      env: commitEnv,
      input: 'Initial commit\n',
      encoding: 'utf8',
    }).trim();
    const who = { name: 'The Octocat', email: 'octocat@github.com', date: when };
    const commit = createCommit({
      tree,
      parents: [],
      author: who,
      committer: who,
      message: 'Initial commit\n',
    });
    expect(commit.sha).toBe(expected);
  });
});
