import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Delivery, GitHubEmulator } from '../src/index';
import {
  control,
  octokitFor,
  startReceiver,
  startTestEmulator,
  tokenFor,
  verifySignature,
} from './helpers';

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
beforeEach(() => {
  github.store.reset();
  receiver.received.length = 0;
});

const SECRET = 'webhook-secret';
const CI = `name: CI
on:
  push:
  workflow_dispatch:
jobs:
  lint:
    runs-on: ubuntu-latest
    steps:
      - run: pnpm lint
  test:
    name: Unit tests
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v7
      - run: pnpm test
  deploy:
    needs: test
    environment: production
    runs-on: ubuntu-latest
    steps:
      - run: ./deploy.sh
`;

async function repoWithHook(events: string[], url = receiver.url) {
  const octokit = octokitFor(
    github.url,
    await tokenFor(github, 'octocat', ['repo', 'workflow', 'admin:repo_hook']),
  );
  await control(github, 'POST', '/_emulator/repos', {
    owner: 'octocat',
    name: 'bot',
    files: { '.github/workflows/ci.yml': CI },
  });
  const { data: hook, status } = await octokit.rest.repos.createWebhook({
    owner: 'octocat',
    repo: 'bot',
    config: { url, content_type: 'json', secret: SECRET, insecure_ssl: '0' },
    events,
    active: true,
  });
  expect(status).toBe(201);
  await github.store.idle();
  return { octokit, hook };
}

describe('webhooks', () => {
  it('pings a new hook with signed GitHub headers', async () => {
    const { hook } = await repoWithHook(['workflow_run']);
    expect(hook.config).toMatchObject({
      url: receiver.url,
      content_type: 'json',
      secret: '********',
    });
    expect(receiver.received).toHaveLength(1);
    const [ping] = receiver.received;
    expect(ping?.headers).toMatchObject({
      'x-github-event': 'ping',
      'x-github-hook-id': String(hook.id),
      'x-github-hook-installation-target-type': 'repository',
      'user-agent': 'GitHub-Hookshot/emulator',
      'content-type': 'application/json',
    });
    expect(ping?.headers['x-github-delivery']).toMatch(/^[0-9a-f-]{36}$/);
    expect(verifySignature(SECRET, ping?.body ?? '', ping?.headers['x-hub-signature-256'])).toBe(
      true,
    );
    expect(JSON.parse(ping?.body ?? '{}')).toMatchObject({
      hook_id: hook.id,
      repository: { full_name: 'octocat/bot' },
    });
  });

  it('delivers requested → in_progress → completed for a simulated failing run, and names the failing job', async () => {
    const { octokit } = await repoWithHook(['workflow_run']);
    receiver.received.length = 0;
    const { status, body: run } = await control<{
      id: number;
      conclusion: string;
      head_sha: string;
    }>(github, 'POST', '/_emulator/repos/octocat/bot/runs', {
      workflow: 'ci.yml',
      conclusion: 'failure',
      failingJob: 'test',
    });
    expect(status).toBe(201);
    expect(run.conclusion).toBe('failure');

    const events = receiver.received.map((r) => ({
      headers: r.headers,
      body: r.body,
      payload: JSON.parse(r.body),
    }));
    expect(
      events.map((e) => [
        e.headers['x-github-event'],
        e.payload.action,
        e.payload.workflow_run.status,
      ]),
    ).toEqual([
      ['workflow_run', 'requested', 'queued'],
      ['workflow_run', 'in_progress', 'in_progress'],
      ['workflow_run', 'completed', 'completed'],
    ]);
    for (const event of events) {
      expect(verifySignature(SECRET, event.body, event.headers['x-hub-signature-256'])).toBe(true);
      expect(verifySignature('wrong', event.body, event.headers['x-hub-signature-256'])).toBe(
        false,
      );
    }
    const completed = events[2]?.payload;
    expect(completed.workflow_run).toMatchObject({
      id: run.id,
      name: 'CI',
      head_branch: 'main',
      head_sha: run.head_sha,
      conclusion: 'failure',
      event: 'push',
      path: '.github/workflows/ci.yml',
      run_attempt: 1,
      html_url: `${github.url}/octocat/bot/actions/runs/${run.id}`,
    });
    expect(completed.workflow).toMatchObject({ name: 'CI', path: '.github/workflows/ci.yml' });
    expect(completed.sender.login).toBe('octocat');

    const { data: jobs } = await octokit.rest.actions.listJobsForWorkflowRun({
      owner: 'octocat',
      repo: 'bot',
      run_id: run.id,
    });
    expect(jobs.jobs.map((j) => [j.name, j.conclusion])).toEqual([
      ['lint', 'success'],
      ['Unit tests', 'failure'],
      ['deploy', 'skipped'],
    ]);
    const failedStep = jobs.jobs[1]?.steps?.find((s) => s.conclusion === 'failure');
    expect(failedStep?.name).toBe('Run pnpm test');
  });

  it('redelivers a recorded delivery with the same delivery id', async () => {
    await repoWithHook(['*']);
    const ping = receiver.received[0];
    const { body: state } = await control<{ deliveries: Delivery[] }>(
      github,
      'GET',
      '/_emulator/state',
    );
    const first = state.deliveries[0] as Delivery;
    expect(first).toMatchObject({ event: 'ping', statusCode: 202, redelivery: false });
    const { status, body } = await control<Delivery>(
      github,
      'POST',
      `/_emulator/deliveries/${first.id}/redeliver`,
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({ guid: first.guid, redelivery: true, statusCode: 202 });
    const again = receiver.received[1];
    expect(again?.headers['x-github-delivery']).toBe(ping?.headers['x-github-delivery']);
    expect(again?.body).toBe(ping?.body);
  });

  it('sends push after a ref update with commits and head_commit', async () => {
    const { octokit } = await repoWithHook(['push']);
    receiver.received.length = 0;
    const { data: ref } = await octokit.rest.git.getRef({
      owner: 'octocat',
      repo: 'bot',
      ref: 'heads/main',
    });
    const { data: head } = await octokit.rest.git.getCommit({
      owner: 'octocat',
      repo: 'bot',
      commit_sha: ref.object.sha,
    });
    const { data: tree } = await octokit.rest.git.createTree({
      owner: 'octocat',
      repo: 'bot',
      base_tree: head.tree.sha,
      tree: [
        { path: 'src/bot.ts', mode: '100644', type: 'blob', content: 'export {};\n' },
        { path: 'README.md', mode: '100644', type: 'blob', sha: null },
      ],
    });
    const { data: commit } = await octokit.rest.git.createCommit({
      owner: 'octocat',
      repo: 'bot',
      message: 'Add bot',
      tree: tree.sha,
      parents: [head.sha],
    });
    await octokit.rest.git.updateRef({
      owner: 'octocat',
      repo: 'bot',
      ref: 'heads/main',
      sha: commit.sha,
    });
    await control(github, 'GET', '/_emulator/idle');
    expect(receiver.received).toHaveLength(1);
    const push = JSON.parse(receiver.received[0]?.body ?? '{}');
    expect(push).toMatchObject({
      ref: 'refs/heads/main',
      before: head.sha,
      after: commit.sha,
      created: false,
      forced: false,
      pusher: { name: 'octocat' },
      head_commit: {
        id: commit.sha,
        message: 'Add bot',
        added: ['src/bot.ts'],
        removed: ['README.md'],
        modified: [],
      },
    });
    expect(push.commits).toHaveLength(1);
    // GitHub's push payload quirk: repository timestamps are Unix seconds.
    expect(typeof push.repository.pushed_at).toBe('number');
  });

  it('sends deployment and deployment_status for a job with an environment', async () => {
    await repoWithHook(['deployment', 'deployment_status']);
    receiver.received.length = 0;
    await control(github, 'POST', '/_emulator/repos/octocat/bot/runs', {
      workflow: 'ci.yml',
      conclusion: 'success',
    });
    const seen = receiver.received.map((r) => {
      const payload = JSON.parse(r.body);
      return [
        r.headers['x-github-event'],
        payload.deployment_status?.state ?? payload.deployment?.environment,
      ];
    });
    expect(seen).toEqual([
      ['deployment', 'production'],
      ['deployment_status', 'in_progress'],
      ['deployment_status', 'success'],
    ]);
  });

  it('records a failed delivery without crashing', async () => {
    const dead = await startReceiver();
    await dead.close();
    await repoWithHook(['workflow_run'], dead.url);
    const { body } = await control<{
      deliveries: Delivery[];
      repos: { hooks: { lastResponse: { status: string } }[] }[];
    }>(github, 'GET', '/_emulator/state');
    expect(body.deliveries[0]).toMatchObject({
      event: 'ping',
      statusCode: null,
      error: expect.any(String),
    });
    expect(body.repos[0]?.hooks[0]?.lastResponse.status).toBe('failed');
    const health = await fetch(`${github.url}/_emulator/state`);
    expect(health.status).toBe(200);
  });

  it('defaults content_type to form like GitHub and signs the form body', async () => {
    const octokit = octokitFor(
      github.url,
      await tokenFor(github, 'octocat', ['repo', 'admin:repo_hook']),
    );
    await control(github, 'POST', '/_emulator/repos', {
      owner: 'octocat',
      name: 'bot',
      auto_init: true,
    });
    await octokit.rest.repos.createWebhook({
      owner: 'octocat',
      repo: 'bot',
      config: { url: receiver.url, secret: SECRET },
    });
    await github.store.idle();
    const ping = receiver.received[0];
    expect(ping?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(verifySignature(SECRET, ping?.body ?? '', ping?.headers['x-hub-signature-256'])).toBe(
      true,
    );
    const payload = JSON.parse(new URLSearchParams(ping?.body).get('payload') ?? '{}');
    expect(payload.zen).toEqual(expect.any(String));
  });
});
