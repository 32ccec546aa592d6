import { RequestError } from 'octokit';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { GitHubEmulator } from '../src/index';
import { control, octokitFor, startTestEmulator, tokenFor } from './helpers';

let github: GitHubEmulator;
beforeAll(async () => {
  github = await startTestEmulator();
});
afterAll(() => github.stop());
beforeEach(() => github.store.reset());

const FULL = ['read:user', 'user:email', 'repo', 'workflow', 'admin:repo_hook'];

async function status(promise: Promise<unknown>): Promise<{ status: number; data: unknown }> {
  try {
    await promise;
    return { status: 200, data: null };
  } catch (error) {
    if (!(error instanceof RequestError)) throw error;
    return { status: error.status, data: error.response?.data };
  }
}

describe.each([
  ['api.github.com style', ''],
  ['GitHub Enterprise Server style', '/api/v3'],
])('repositories and one-commit setup through Octokit (%s)', (_label, prefix) => {
  it('creates a repo with auto_init and lands all files in one commit', async () => {
    const octokit = octokitFor(`${github.url}${prefix}`, await tokenFor(github, 'octocat', FULL));
    const { data: repo, status: created } = await octokit.rest.repos.createForAuthenticatedUser({
      name: 'my-bot',
      description: 'A bot',
      private: true,
      auto_init: true,
    });
    expect(created).toBe(201);
    expect(repo).toMatchObject({
      name: 'my-bot',
      full_name: 'octocat/my-bot',
      private: true,
      visibility: 'private',
      default_branch: 'main',
      owner: { login: 'octocat', id: 583231, type: 'User' },
      permissions: { admin: true, push: true, pull: true },
    });
    expect(repo.url).toBe(`${github.url}${prefix}/repos/octocat/my-bot`);

    const { data: ref } = await octokit.rest.git.getRef({
      owner: 'octocat',
      repo: 'my-bot',
      ref: 'heads/main',
    });
    const { data: base } = await octokit.rest.git.getCommit({
      owner: 'octocat',
      repo: 'my-bot',
      commit_sha: ref.object.sha,
    });
    expect(base.message).toBe('Initial commit');

    const { data: blob } = await octokit.rest.git.createBlob({
      owner: 'octocat',
      repo: 'my-bot',
      content: Buffer.from('#!/bin/sh\necho hi\n').toString('base64'),
      encoding: 'base64',
    });
    const { data: tree } = await octokit.rest.git.createTree({
      owner: 'octocat',
      repo: 'my-bot',
      base_tree: base.tree.sha,
      tree: [
        {
          path: 'src/index.ts',
          mode: '100644',
          type: 'blob',
          content: 'export const hello = 1;\n',
        },
        {
          path: '.github/workflows/ci.yml',
          mode: '100644',
          type: 'blob',
          content: 'name: CI\non: push\n',
        },
        { path: 'scripts/run.sh', mode: '100755', type: 'blob', sha: blob.sha },
      ],
    });
    expect(tree.tree.map((e) => e.path)).toEqual(['.github', 'README.md', 'scripts', 'src']);
    const { data: commit } = await octokit.rest.git.createCommit({
      owner: 'octocat',
      repo: 'my-bot',
      message: 'Add generated bot',
      tree: tree.sha,
      parents: [base.sha],
    });
    expect(commit.author).toMatchObject({ name: 'The Octocat', email: 'octocat@github.com' });
    const { data: updated } = await octokit.rest.git.updateRef({
      owner: 'octocat',
      repo: 'my-bot',
      ref: 'heads/main',
      sha: commit.sha,
    });
    expect(updated.object.sha).toBe(commit.sha);

    const { data: recursive } = await octokit.rest.git.getTree({
      owner: 'octocat',
      repo: 'my-bot',
      tree_sha: commit.tree.sha,
      recursive: 'true',
    });
    expect(recursive.tree.filter((e) => e.type === 'blob').map((e) => [e.path, e.mode])).toEqual([
      ['.github/workflows/ci.yml', '100644'],
      ['README.md', '100644'],
      ['scripts/run.sh', '100755'],
      ['src/index.ts', '100644'],
    ]);

    const { body: files } = await control<{
      files: Record<string, string>;
      commits: { message: string }[];
    }>(github, 'GET', '/_emulator/repos/octocat/my-bot/files?ref=main');
    expect(files.files).toEqual({
      '.github/workflows/ci.yml': 'name: CI\non: push\n',
      'README.md': '# my-bot\nA bot\n',
      'scripts/run.sh': '#!/bin/sh\necho hi\n',
      'src/index.ts': 'export const hello = 1;\n',
    });
    expect(files.commits.map((c) => c.message)).toEqual(['Add generated bot', 'Initial commit']);

    const { data: content } = await octokit.rest.repos.getContent({
      owner: 'octocat',
      repo: 'my-bot',
      path: 'src/index.ts',
    });
    expect(Buffer.from((content as { content: string }).content, 'base64').toString()).toBe(
      'export const hello = 1;\n',
    );
  });

  it('answers 409 on git data calls in an empty repository', async () => {
    const octokit = octokitFor(`${github.url}${prefix}`, await tokenFor(github, 'octocat', FULL));
    await octokit.rest.repos.createForAuthenticatedUser({ name: 'empty' });
    const result = await status(
      octokit.rest.git.createBlob({
        owner: 'octocat',
        repo: 'empty',
        content: 'x',
        encoding: 'utf-8',
      }),
    );
    expect(result).toMatchObject({ status: 409, data: { message: 'Git Repository is empty.' } });
    expect(
      await status(octokit.rest.git.getRef({ owner: 'octocat', repo: 'empty', ref: 'heads/main' })),
    ).toMatchObject({
      status: 409,
    });
  });
});

describe('repository rules', () => {
  it('rejects a taken name with GitHub 422 shape and normalizes odd names', async () => {
    const octokit = octokitFor(github.url, await tokenFor(github, 'octocat', FULL));
    const { data } = await octokit.rest.repos.createForAuthenticatedUser({ name: 'My Bot!' });
    expect(data.name).toBe('My-Bot-');
    const taken = await status(octokit.rest.repos.createForAuthenticatedUser({ name: 'my-bot-' }));
    expect(taken).toEqual({
      status: 422,
      data: {
        message: 'Repository creation failed.',
        errors: [
          {
            resource: 'Repository',
            code: 'custom',
            field: 'name',
            message: 'name already exists on this account',
          },
        ],
        documentation_url: expect.any(String),
        status: '422',
      },
    });
  });

  it('enforces the repo scope for private repositories and hides them with 404', async () => {
    const full = octokitFor(github.url, await tokenFor(github, 'octocat', FULL));
    await full.rest.repos.createForAuthenticatedUser({
      name: 'secret',
      private: true,
      auto_init: true,
    });
    const publicOnly = octokitFor(github.url, await tokenFor(github, 'octocat', ['public_repo']));
    expect(
      await status(publicOnly.rest.repos.get({ owner: 'octocat', repo: 'secret' })),
    ).toMatchObject({
      status: 404,
      data: { message: 'Not Found' },
    });
    expect(
      await status(publicOnly.rest.repos.createForAuthenticatedUser({ name: 'p2', private: true })),
    ).toMatchObject({
      status: 404,
    });
    const { status: ok, headers } = await publicOnly.rest.repos.createForAuthenticatedUser({
      name: 'pub',
    });
    expect(ok).toBe(201);
    expect(headers['x-accepted-oauth-scopes']).toBe('public_repo, repo');
    expect(headers['x-oauth-scopes']).toBe('public_repo');
    expect(headers['x-ratelimit-limit']).toBe('5000');
  });

  it('lets org owners create repositories and refuses members without rights', async () => {
    const octocat = octokitFor(github.url, await tokenFor(github, 'octocat', FULL));
    const { status: created, data } = await octocat.rest.repos.createInOrg({
      org: 'botsmith-test-org',
      name: 'org-bot',
    });
    expect(created).toBe(201);
    expect(data.owner).toMatchObject({ login: 'botsmith-test-org', type: 'Organization' });
    const hubot = octokitFor(github.url, await tokenFor(github, 'hubot', FULL));
    expect(
      await status(hubot.rest.repos.createInOrg({ org: 'botsmith-test-org', name: 'nope' })),
    ).toMatchObject({
      status: 403,
      data: {
        message: 'You need admin access to the organization before adding a repository to it.',
      },
    });
  });

  it('refuses branch protection on a private repo of a free user, allows it on a public one', async () => {
    const octokit = octokitFor(github.url, await tokenFor(github, 'octocat', FULL));
    const protection = {
      branch: 'main',
      required_status_checks: { strict: true, contexts: ['ci'] },
      enforce_admins: true,
      required_pull_request_reviews: { required_approving_review_count: 1 },
      restrictions: null,
    };
    await octokit.rest.repos.createForAuthenticatedUser({
      name: 'priv',
      private: true,
      auto_init: true,
    });
    expect(
      await status(
        octokit.rest.repos.updateBranchProtection({
          owner: 'octocat',
          repo: 'priv',
          ...protection,
        }),
      ),
    ).toMatchObject({
      status: 403,
      data: {
        message: 'Upgrade to GitHub Pro or make this repository public to enable this feature.',
      },
    });
    await octokit.rest.repos.createForAuthenticatedUser({ name: 'pub', auto_init: true });
    const { status: ok, data } = await octokit.rest.repos.updateBranchProtection({
      owner: 'octocat',
      repo: 'pub',
      ...protection,
    });
    expect(ok).toBe(200);
    expect(data.required_status_checks?.contexts).toEqual(['ci']);
    expect(data.enforce_admins?.enabled).toBe(true);
  });

  it('refuses a non-fast-forward ref update unless forced', async () => {
    const octokit = octokitFor(github.url, await tokenFor(github, 'octocat', FULL));
    await octokit.rest.repos.createForAuthenticatedUser({ name: 'ff', auto_init: true });
    const { data: ref } = await octokit.rest.git.getRef({
      owner: 'octocat',
      repo: 'ff',
      ref: 'heads/main',
    });
    const { data: base } = await octokit.rest.git.getCommit({
      owner: 'octocat',
      repo: 'ff',
      commit_sha: ref.object.sha,
    });
    const { data: orphan } = await octokit.rest.git.createCommit({
      owner: 'octocat',
      repo: 'ff',
      message: 'orphan',
      tree: base.tree.sha,
      parents: [],
    });
    const refused = await status(
      octokit.rest.git.updateRef({
        owner: 'octocat',
        repo: 'ff',
        ref: 'heads/main',
        sha: orphan.sha,
      }),
    );
    expect(refused).toMatchObject({
      status: 422,
      data: { message: 'Update is not a fast forward' },
    });
    const forced = await octokit.rest.git.updateRef({
      owner: 'octocat',
      repo: 'ff',
      ref: 'heads/main',
      sha: orphan.sha,
      force: true,
    });
    expect(forced.data.object.sha).toBe(orphan.sha);
  });

  it('needs delete_repo to delete, then answers 204', async () => {
    const octokit = octokitFor(github.url, await tokenFor(github, 'octocat', FULL));
    await octokit.rest.repos.createForAuthenticatedUser({ name: 'doomed' });
    expect(
      await status(octokit.rest.repos.delete({ owner: 'octocat', repo: 'doomed' })),
    ).toMatchObject({
      status: 403,
      data: { message: 'Must have admin rights to Repository.' },
    });
    const admin = octokitFor(
      github.url,
      await tokenFor(github, 'octocat', [...FULL, 'delete_repo']),
    );
    expect((await admin.rest.repos.delete({ owner: 'octocat', repo: 'doomed' })).status).toBe(204);
    expect(await status(admin.rest.repos.get({ owner: 'octocat', repo: 'doomed' }))).toMatchObject({
      status: 404,
    });
  });

  it('serves user, emails, orgs and memberships with the documented scope rules', async () => {
    const octokit = octokitFor(
      github.url,
      await tokenFor(github, 'octocat', [...FULL, 'read:org']),
    );
    const { data: emails } = await octokit.rest.users.listEmailsForAuthenticatedUser();
    expect(emails[0]).toEqual({
      email: 'octocat@github.com',
      primary: true,
      verified: true,
      visibility: 'private',
    });
    const { data: orgs } = await octokit.rest.orgs.listForAuthenticatedUser();
    expect(orgs.map((o) => o.login)).toEqual(['botsmith-test-org']);
    const { data: membership } = await octokit.rest.orgs.getMembershipForAuthenticatedUser({
      org: 'botsmith-test-org',
    });
    expect(membership).toMatchObject({ state: 'active', role: 'admin' });
    const { data: org } = await octokit.rest.orgs.get({ org: 'botsmith-test-org' });
    expect(org).toMatchObject({
      login: 'botsmith-test-org',
      members_can_create_repositories: false,
    });

    const narrow = octokitFor(github.url, await tokenFor(github, 'octocat', ['repo']));
    expect(await status(narrow.rest.users.listEmailsForAuthenticatedUser())).toMatchObject({
      status: 404,
    });
    expect(await status(narrow.rest.orgs.listForAuthenticatedUser())).toMatchObject({
      status: 403,
    });
  });

  it('logs requests so tests can count calls', async () => {
    const octokit = octokitFor(`${github.url}/api/v3`, await tokenFor(github, 'octocat', FULL));
    await octokit.rest.repos.createForAuthenticatedUser({ name: 'counted' });
    const { body } = await control<{
      requestLog: { method: string; path: string; status: number }[];
    }>(github, 'GET', '/_emulator/state');
    expect(body.requestLog.filter((r) => r.method === 'POST' && r.path === '/user/repos')).toEqual([
      expect.objectContaining({ status: 201 }),
    ]);
  });
});
