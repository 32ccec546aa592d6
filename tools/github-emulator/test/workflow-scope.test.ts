import { RequestError } from 'octokit';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { GitHubEmulator } from '../src/index';
import { octokitFor, startTestEmulator, tokenFor } from './helpers';

let github: GitHubEmulator;
beforeAll(async () => {
  github = await startTestEmulator();
});
afterAll(() => github.stop());
beforeEach(() => github.store.reset());

const WORKFLOW = {
  path: '.github/workflows/ci.yml',
  mode: '100644',
  type: 'blob',
  content: 'on: push\n',
} as const;

async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof RequestError) return { status: error.status, data: error.response?.data };
    throw error;
  }
  throw new Error('expected the request to fail');
}

async function setup(scopes: string[]) {
  const owner = octokitFor(github.url, await tokenFor(github, 'octocat', ['repo', 'workflow']));
  await owner.rest.repos.createForAuthenticatedUser({ name: 'bot', auto_init: true });
  const { data: ref } = await owner.rest.git.getRef({
    owner: 'octocat',
    repo: 'bot',
    ref: 'heads/main',
  });
  const { data: head } = await owner.rest.git.getCommit({
    owner: 'octocat',
    repo: 'bot',
    commit_sha: ref.object.sha,
  });
  return {
    owner,
    head,
    octokit: octokitFor(github.url, await tokenFor(github, 'octocat', scopes)),
  };
}

describe('workflow scope', () => {
  it('answers 404 to a tree that adds a workflow file without the workflow scope', async () => {
    const { head, octokit } = await setup(['repo']);
    const refused = await failure(
      octokit.rest.git.createTree({
        owner: 'octocat',
        repo: 'bot',
        base_tree: head.tree.sha,
        tree: [WORKFLOW],
      }),
    );
    expect(refused).toMatchObject({ status: 404, data: { message: 'Not Found' } });
    const { status } = await octokit.rest.git.createTree({
      owner: 'octocat',
      repo: 'bot',
      base_tree: head.tree.sha,
      tree: [{ path: 'src/index.ts', mode: '100644', type: 'blob', content: 'ok\n' }],
    });
    expect(status).toBe(201);
  });

  it('refuses to move a branch onto new workflow files without the workflow scope', async () => {
    const { owner, head, octokit } = await setup(['repo']);
    // The tree and commit come from a token that may write workflows...
    const { data: tree } = await owner.rest.git.createTree({
      owner: 'octocat',
      repo: 'bot',
      base_tree: head.tree.sha,
      tree: [WORKFLOW],
    });
    const { data: commit } = await owner.rest.git.createCommit({
      owner: 'octocat',
      repo: 'bot',
      message: 'ci',
      tree: tree.sha,
      parents: [head.sha],
    });
    // ...but the ref update comes from one that may not.
    const refused = await failure(
      octokit.rest.git.updateRef({
        owner: 'octocat',
        repo: 'bot',
        ref: 'heads/main',
        sha: commit.sha,
      }),
    );
    expect(refused).toMatchObject({
      status: 422,
      data: {
        message:
          'refusing to allow a Personal Access Token to create or update workflow `.github/workflows/ci.yml` without `workflow` scope',
      },
    });
    const ok = await owner.rest.git.updateRef({
      owner: 'octocat',
      repo: 'bot',
      ref: 'heads/main',
      sha: commit.sha,
    });
    expect(ok.status).toBe(200);
  });

  it('allows an identical workflow file that already exists on a branch', async () => {
    const { owner, head, octokit } = await setup(['repo']);
    const { data: tree } = await owner.rest.git.createTree({
      owner: 'octocat',
      repo: 'bot',
      base_tree: head.tree.sha,
      tree: [WORKFLOW],
    });
    const { data: commit } = await owner.rest.git.createCommit({
      owner: 'octocat',
      repo: 'bot',
      message: 'ci',
      tree: tree.sha,
      parents: [head.sha],
    });
    await owner.rest.git.updateRef({
      owner: 'octocat',
      repo: 'bot',
      ref: 'heads/main',
      sha: commit.sha,
    });
    const { status } = await octokit.rest.git.createRef({
      owner: 'octocat',
      repo: 'bot',
      ref: 'refs/heads/feature',
      sha: commit.sha,
    });
    expect(status).toBe(201);
  });
});
