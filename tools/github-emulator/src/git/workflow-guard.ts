import { isWorkflowPath } from '../actions/workflows';
import type { Auth } from '../auth';
import { GitHubError } from '../errors';
import { hasAnyScope } from '../scopes';
import type { Repo } from '../state';
import { blobsByPath, diffTrees, getCommit } from './database';

function onAnotherBranch(repo: Repo, path: string, sha: string): boolean {
  for (const [ref, head] of repo.git.refs) {
    if (!ref.startsWith('refs/heads/')) continue;
    const commit = getCommit(repo.git, head);
    if (commit && blobsByPath(repo.git, commit.tree).get(path) === sha) return true;
  }
  return false;
}

/**
 * Workflow files a change creates, updates or deletes. GitHub exempts a file whose path and
 * content already exist on a branch of the repository ("Scopes for OAuth apps": `workflow`).
 */
export function changedWorkflowFiles(repo: Repo, before: string | null, after: string): string[] {
  const { added, modified, removed } = diffTrees(repo.git, before, after);
  const now = blobsByPath(repo.git, after);
  return [...added, ...modified, ...removed]
    .filter(isWorkflowPath)
    .filter((path) => {
      const sha = now.get(path);
      return sha === undefined || !onAnotherBranch(repo, path, sha);
    })
    .sort();
}

/** GitHub's refusal text, naming the kind of token as its git server does. */
export function workflowRefusal(auth: Auth, path: string): string {
  const who = auth.token.clientId ? 'an OAuth App' : 'a Personal Access Token';
  return `refusing to allow ${who} to create or update workflow \`${path}\` without \`workflow\` scope`;
}

/** True when the token may touch workflow files. */
export function canWriteWorkflows(auth: Auth): boolean {
  return hasAnyScope(auth.token.scopes, ['workflow']);
}

/**
 * `POST /git/trees` with changed workflow files and no `workflow` scope: GitHub answers a
 * bare 404 (reported in octokit/rest.js#368 and github/docs#4770), not a helpful 403.
 */
export function assertTreeAllowed(
  auth: Auth,
  repo: Repo,
  before: string | null,
  after: string,
): void {
  if (canWriteWorkflows(auth)) return;
  if (changedWorkflowFiles(repo, before, after).length > 0) {
    throw new GitHubError(404, 'Not Found', {
      documentationUrl: 'https://docs.github.com/rest/git/trees#create-a-tree',
    });
  }
}

/** A ref update that would land changed workflow files without `workflow` scope: 422. */
export function assertRefUpdateAllowed(
  auth: Auth,
  repo: Repo,
  before: string | null,
  after: string,
): void {
  if (canWriteWorkflows(auth)) return;
  const beforeTree = before ? (getCommit(repo.git, before)?.tree ?? null) : null;
  const afterTree = getCommit(repo.git, after)?.tree;
  if (!afterTree) return;
  const [first] = changedWorkflowFiles(repo, beforeTree, afterTree);
  if (first) {
    throw new GitHubError(422, workflowRefusal(auth, first), {
      documentationUrl: 'https://docs.github.com/rest/git/refs#update-a-reference',
    });
  }
}
