import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { GitHubEmulator } from '../src/index';
import { control, octokitFor, startReceiver, startTestEmulator, tokenFor } from './helpers';

let github: GitHubEmulator;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
  github = await startTestEmulator();
  receiver = await startReceiver();
});
afterAll(async () => {
  await github.stop();
  await receiver.close();
});
beforeEach(() => github.store.reset());

describe('hooks REST API', () => {
  it('creates, lists, updates, pings, shows deliveries, redelivers and deletes', async () => {
    await control(github, 'POST', '/_emulator/repos', {
      owner: 'octocat',
      name: 'bot',
      auto_init: true,
    });
    const octokit = octokitFor(
      `${github.url}/api/v3`,
      await tokenFor(github, 'octocat', ['admin:repo_hook']),
    );
    const repo = { owner: 'octocat', repo: 'bot' };
    const { data: hook } = await octokit.rest.repos.createWebhook({
      ...repo,
      config: { url: receiver.url, content_type: 'json', secret: 's' },
      events: ['workflow_run', 'push'],
    });
    const duplicate = await octokit.rest.repos
      .createWebhook({
        ...repo,
        config: { url: receiver.url, content_type: 'json' },
        events: ['workflow_run', 'push'],
      })
      .catch((e) => e.response);
    expect(duplicate.status).toBe(422);
    expect(duplicate.data.errors[0].message).toBe('Hook already exists on this repository');

    const { data: list } = await octokit.rest.repos.listWebhooks(repo);
    expect(list.map((h) => h.id)).toEqual([hook.id]);
    const { data: updated } = await octokit.rest.repos.updateWebhook({
      ...repo,
      hook_id: hook.id,
      add_events: ['deployment_status'],
      remove_events: ['push'],
    });
    expect(updated.events).toEqual(['workflow_run', 'deployment_status']);

    expect((await octokit.rest.repos.pingWebhook({ ...repo, hook_id: hook.id })).status).toBe(204);
    await github.store.idle();
    const { data: deliveries } = await octokit.rest.repos.listWebhookDeliveries({
      ...repo,
      hook_id: hook.id,
    });
    expect(deliveries.map((d) => d.event)).toEqual(['ping', 'ping']);
    const { data: detail } = await octokit.rest.repos.getWebhookDelivery({
      ...repo,
      hook_id: hook.id,
      delivery_id: deliveries[0]?.id as number,
    });
    expect(detail.request.headers).toMatchObject({ 'X-GitHub-Event': 'ping' });
    expect(detail.status_code).toBe(202);
    const attempt = await octokit.rest.repos.redeliverWebhookDelivery({
      ...repo,
      hook_id: hook.id,
      delivery_id: detail.id,
    });
    expect(attempt.status).toBe(202);
    await github.store.idle();
    expect(receiver.received.at(-1)?.headers['x-github-delivery']).toBe(detail.guid);

    expect((await octokit.rest.repos.deleteWebhook({ ...repo, hook_id: hook.id })).status).toBe(
      204,
    );
    expect((await octokit.rest.repos.listWebhooks(repo)).data).toEqual([]);
  });

  it('hides hooks from tokens without a hook scope', async () => {
    await control(github, 'POST', '/_emulator/repos', {
      owner: 'octocat',
      name: 'bot',
      auto_init: true,
    });
    const octokit = octokitFor(github.url, await tokenFor(github, 'octocat', ['public_repo']));
    const error = await octokit.rest.repos
      .listWebhooks({ owner: 'octocat', repo: 'bot' })
      .catch((e) => e);
    expect(error.status).toBe(404);
    expect(error.response.headers['x-accepted-oauth-scopes']).toBe(
      'admin:repo_hook, read:repo_hook, repo, write:repo_hook',
    );
  });
});

describe('HTTP surface', () => {
  it('answers unknown routes, CORS preflight, the dev page and JSON token requests', async () => {
    const missing = await fetch(`${github.url}/api/v3/nope`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ message: 'Not Found' });

    const preflight = await fetch(`${github.url}/user`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'GET' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');

    const page = await fetch(`${github.url}/_emulator`);
    expect(page.headers.get('content-type')).toContain('text/html');

    const token = await fetch(`${github.url}/login/oauth/access_token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({
        client_id: 'botsmith-dev-client',
        client_secret: 'botsmith-dev-secret',
        code: 'nope',
      }),
    });
    expect(token.status).toBe(200);
    expect(await token.json()).toMatchObject({ error: 'bad_verification_code' });

    const anonymous = await fetch(`${github.url}/user`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ message: 'Requires authentication' });
  });

  it('renames and re-describes a repository with PATCH', async () => {
    await control(github, 'POST', '/_emulator/repos', {
      owner: 'octocat',
      name: 'bot',
      auto_init: true,
    });
    const octokit = octokitFor(github.url, await tokenFor(github, 'octocat', ['repo']));
    const { data } = await octokit.rest.repos.update({
      owner: 'octocat',
      repo: 'bot',
      name: 'better-bot',
      description: 'Now described',
      private: true,
    });
    expect(data).toMatchObject({ name: 'better-bot', description: 'Now described', private: true });
    expect((await octokit.rest.repos.get({ owner: 'octocat', repo: 'BETTER-bot' })).data.id).toBe(
      data.id,
    );
  });
});
