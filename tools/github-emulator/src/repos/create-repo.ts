import { GitHubError } from '../errors';
import { putObject } from '../git/database';
import { createBlob, createCommit, createTree, type GitIdentity, gitDate } from '../git/objects';
import { generateSealedBoxKeyPair } from '../secrets/sealed-box';
import { type EmulatorState, type EmulatorUser, nextId, type Repo } from '../state';

/** What `POST /user/repos` and `POST /orgs/:org/repos` accept (after validation). */
export interface NewRepo {
  owner: string;
  ownerType: 'User' | 'Organization';
  name: string;
  description?: string | null;
  homepage?: string | null;
  private: boolean;
  autoInit: boolean;
}

function creationFailed(message: string, code = 'custom'): GitHubError {
  return new GitHubError(422, 'Repository creation failed.', {
    errors: [{ resource: 'Repository', code, field: 'name', message }],
    documentationUrl:
      'https://docs.github.com/rest/repos/repos#create-a-repository-for-the-authenticated-user',
  });
}

/**
 * GitHub's name rules: ASCII letters, digits, `.`, `-`, `_`; any other run of characters is
 * replaced by a single `-` (so "my bot!" becomes "my-bot-"); at most 100 characters.
 */
export function normalizeRepoName(raw: string): string {
  const name = raw.trim().replace(/[^A-Za-z0-9._-]+/g, '-');
  if (name === '')
    throw creationFailed('name is too short (minimum is 1 character)', 'missing_field');
  if (name.length > 100) throw creationFailed('name is too long (maximum is 100 characters)');
  if (name === '.' || name === '..') throw creationFailed('name is a reserved word');
  return name;
}

/** The identity GitHub writes commits as for a user (their no-reply address without an e-mail). */
export function identityOf(user: EmulatorUser, date = gitDate()): GitIdentity {
  return {
    name: user.name ?? user.login,
    email: user.email ?? `${user.id}+${user.login}@users.noreply.github.com`,
    date,
  };
}

/** Creates a repository; with `autoInit` an initial commit with README.md on `main`. */
export function createRepository(
  state: EmulatorState,
  input: NewRepo,
  creator: EmulatorUser,
): Repo {
  const name = normalizeRepoName(input.name);
  if (state.repos.has(`${input.owner}/${name}`.toLowerCase())) {
    throw creationFailed('name already exists on this account');
  }
  const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  const repo: Repo = {
    id: nextId(state, 'repo'),
    owner: input.owner,
    ownerType: input.ownerType,
    name,
    description: input.description ?? null,
    homepage: input.homepage ?? null,
    private: input.private,
    defaultBranch: 'main',
    createdAt: now,
    updatedAt: now,
    pushedAt: null,
    git: { objects: new Map(), refs: new Map() },
    secretsKey: generateSealedBoxKeyPair(),
    secrets: new Map(),
    variables: new Map(),
    environments: new Map(),
    hooks: new Map(),
    branchProtection: new Map(),
    workflowIds: new Map(),
    runs: [],
    dispatches: [],
    deployments: [],
  };
  if (input.autoInit) {
    const readme = `# ${name}${repo.description ? `\n${repo.description}` : ''}\n`;
    const blob = putObject(repo.git, createBlob(Buffer.from(readme)));
    const tree = putObject(
      repo.git,
      createTree([{ mode: '100644', name: 'README.md', type: 'blob', sha: blob.sha }]),
    );
    const who = identityOf(creator);
    const commit = putObject(
      repo.git,
      createCommit({
        tree: tree.sha,
        parents: [],
        author: who,
        committer: who,
        message: 'Initial commit',
      }),
    );
    repo.git.refs.set('refs/heads/main', commit.sha);
    repo.pushedAt = now;
  }
  state.repos.set(`${repo.owner}/${repo.name}`.toLowerCase(), repo);
  return repo;
}
