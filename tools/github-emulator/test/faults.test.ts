import { RequestError } from 'octokit';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { GitHubEmulator, RequestLogEntry } from '../src/index';
import { control, octokitFor, startTestEmulator, tokenFor } from './helpers';

let github: GitHubEmulator;
beforeAll(async () => {
  github = await startTestEmulator();
});
afterAll(() => github.stop());
beforeEach(() => github.store.reset());

async function commitInputs(token: string) {
  const octokit = octokitFor(github.url, token);
  await octokit.rest.repos.createForAuthenticatedUser({ name: 'my-bot', auto_init: true });
  const { data: ref } = await octokit.rest.git.getRef({
    owner: 'octocat',
    repo: 'my-bot',
    ref: 'heads/main',
  });
  const { data: head } = await octokit.rest.git.getCommit({
    owner: 'octocat',
    repo: 'my-bot',
    commit_sha: ref.object.sha,
  });
  return {
    owner: 'octocat',
    repo: 'my-bot',
    message: 'Add files',
    tree: head.tree.sha,
    parents: [head.sha],
  };
}

describe('fault injection', () => {
  it('fails the commit step with 502 twice, then lets Octokit retry succeed', async () => {
    const token = await tokenFor(github, 'octocat', ['repo']);
    const input = await commitInputs(token);
    const fault = await control(github, 'POST', '/_emulator/faults', {
      method: 'POST',
      path: '/repos/octocat/my-bot/git/commits',
      status: 502,
      times: 2,
    });
    expect(fault.status).toBe(201);
    // Octokit's retry plugin, with its backoff shrunk for the test.
    const octokit = octokitFor(`${github.url}/api/v3`, token, {
      retry: { enabled: true, retryAfterBaseValue: 1 },
    });
    const { status } = await octokit.rest.git.createCommit(input);
    expect(status).toBe(201);
    const { body } = await control<{ requestLog: RequestLogEntry[]; faults: unknown[] }>(
      github,
      'GET',
      '/_emulator/state',
    );
    const calls = body.requestLog.filter((r) => r.path === '/repos/octocat/my-bot/git/commits');
    expect(calls.map((c) => [c.status, c.faulted])).toEqual([
      [502, true],
      [502, true],
      [201, false],
    ]);
    expect(body.faults).toEqual([]);
  });

  it('answers a secondary rate limit with retry-after and a regex path', async () => {
    const token = await tokenFor(github, 'octocat', ['repo']);
    const input = await commitInputs(token);
    await control(github, 'POST', '/_emulator/faults', {
      path: '/repos/[^/]+/my-bot/git/.*',
      status: 403,
      headers: { 'retry-after': '1' },
    });
    const octokit = octokitFor(github.url, token);
    const error = await octokit.rest.git.createCommit(input).catch((e: RequestError) => e);
    expect(error).toBeInstanceOf(RequestError);
    expect((error as RequestError).status).toBe(403);
    expect((error as RequestError).response?.headers['retry-after']).toBe('1');
    expect((error as RequestError).message).toContain('secondary rate limit');
    expect((await octokit.rest.git.createCommit(input)).status).toBe(201);
  });

  it('holds a request until the faults are cleared, then answers it as usual', async () => {
    const token = await tokenFor(github, 'octocat', ['repo']);
    await control(github, 'POST', '/_emulator/faults', {
      method: 'GET',
      path: '/user',
      status: null,
      holdMs: 60_000,
    });
    const octokit = octokitFor(github.url, token);
    let settled = false;
    const call = octokit.rest.users.getAuthenticated().finally(() => {
      settled = true;
    });
    await expect.poll(() => github.store.state.held.length).toBe(1);
    expect(github.store.state.held[0]).toMatchObject({ method: 'GET', path: '/user' });
    expect(settled).toBe(false);
    await control(github, 'DELETE', '/_emulator/faults');
    const { data } = await call;
    expect(data.login).toBe('octocat');
    expect(github.store.state.held).toEqual([]);
  });

  it('holds, then answers with the fault status when it has one', async () => {
    const token = await tokenFor(github, 'octocat', ['repo']);
    await control(github, 'POST', '/_emulator/faults', { path: '/user', status: 503, holdMs: 50 });
    const error = await octokitFor(github.url, token)
      .rest.users.getAuthenticated()
      .catch((e: RequestError) => e);
    expect((error as RequestError).status).toBe(503);
  });

  it('drops the connection without an answer, logged with status 0', async () => {
    const token = await tokenFor(github, 'octocat', ['repo']);
    await control(github, 'POST', '/_emulator/faults', { path: '/user', drop: true });
    const error = await fetch(`${github.url}/user`, {
      headers: { authorization: `token ${token}` },
    }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(TypeError); // undici: "fetch failed", cause: socket closed
    expect(github.store.state.requestLog.at(-1)).toMatchObject({
      path: '/user',
      status: 0,
      faulted: true,
    });
    const { data } = await octokitFor(github.url, token).rest.users.getAuthenticated();
    expect(data.login).toBe('octocat');
  });

  it('refuses a fault that would do nothing', async () => {
    const { status } = await control(github, 'POST', '/_emulator/faults', { path: '/user' });
    expect(status).toBe(422);
  });
});
