import type { User } from '@botsmith/db';
import { describeEachDatabase } from '@botsmith/db/testing';
import { generate } from '@botsmith/generators';
import { type GitHubEmulator, startGitHubEmulator } from '@botsmith/github-emulator';
import { buildConfigSchema } from '@botsmith/shared';
import { scaledTimeout } from '@botsmith/test-kit';
import { pino } from 'pino';
import superjson from 'superjson';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createApiToken } from '../api-tokens/api-tokens';
import type { GitHubConfig } from '../github/github-config';
import { storeGitHubToken } from '../github/github-token-store';
import { type JobQueue, startJobQueue } from '../jobs/job-queue';
import type { BotsmithServer } from '../server';
import { testCipher } from '../testing/test-keys';
import { fakeLockfiles } from '../testing/test-lockfiles';
import { createTestCaller, createTestServer } from '../testing/test-server';
import { connectedProject, testUser } from '../testing/webhook-fixtures';
import { WEBHOOK_PATH } from '../webhooks/webhook-route';
import { startWebhookWorker } from '../webhooks/webhook-worker';

// The whole loop over real HTTP: the emulator runs a workflow and signs and delivers its
// `workflow_run` events to our listening server; the job turns them into a deployment that
// `deployment.changes` streams over SSE; redeploy and disconnect call the emulator's REST API.

const OWNER = 'octocat';
const SCOPES = ['repo', 'workflow', 'admin:repo_hook', 'read:user', 'user:email'];

/** The generated project's workflows: CI, and deploy.yml with its `ref` dispatch input. */
function generatedFiles(): Record<string, string> {
  const config = buildConfigSchema.parse({
    deploy: { target: 'fly' },
    automation: { ci: true, deploy: true },
  });
  return Object.fromEntries(generate(config).files.map((f) => [f.path, f.content]));
}

/** Reads a tRPC SSE stream, collecting each yielded value. */
function readEvents(response: Response, into: unknown[]): Promise<void> {
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  return (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let end = buffer.indexOf('\n\n');
      while (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = block
          .split('\n')
          .filter((line) => line.startsWith('data: '))
          .map((line) => line.slice(6))
          .join('\n');
        const event = /^event: (.*)$/m.exec(block)?.[1];
        if (data && !event) into.push(superjson.deserialize(JSON.parse(data)));
        end = buffer.indexOf('\n\n');
      }
    }
  })();
}

describeEachDatabase('deployment loop against the GitHub emulator', (t) => {
  const cipher = testCipher();
  let emulator: GitHubEmulator;
  let github: GitHubConfig;
  let queue: JobQueue;
  let server: BotsmithServer;
  let address: string;
  let alice: User;
  let ghToken: string;
  let apiToken: string;

  const rest = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${emulator.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${ghToken}`,
        'content-type': 'application/json',
        accept: 'application/vnd.github+json',
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, json: text ? JSON.parse(text) : null };
  };
  const control = async (path: string, body: unknown) => {
    const response = await fetch(`${emulator.url}/_emulator${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.ok, await response.clone().text()).toBe(true);
    return response.json() as Promise<Record<string, unknown>>;
  };
  const emulatorState = async () =>
    (await (await fetch(`${emulator.url}/_emulator/state`)).json()) as {
      dispatches: { repo: string; workflowPath: string; ref: string; inputs: object }[];
    };

  /** A repository with the generated files, a project for it, and its hook pointing at us. */
  async function setUpRepo(name: string) {
    const repo = await control('/repos', {
      owner: OWNER,
      name,
      auto_init: true,
      files: generatedFiles(),
    });
    const { project, secret } = await connectedProject(t.db, cipher, alice, {
      name,
      repoFullName: `${OWNER}/${name}`,
      webhookId: null,
      repoId: repo.id as number,
    });
    const hook = await rest('POST', `/repos/${OWNER}/${name}/hooks`, {
      name: 'web',
      active: true,
      events: ['push', 'workflow_run', 'deployment', 'deployment_status'],
      config: { url: `${address}${WEBHOOK_PATH}`, content_type: 'json', secret },
    });
    expect(hook.status).toBe(201);
    await t.db
      .updateTable('projects')
      .set({ webhookId: hook.json.id })
      .where('id', '=', project.id)
      .execute();
    return { projectId: project.id, hookId: hook.json.id as number };
  }

  const deploymentOfRun = (projectId: string, runId: number) =>
    t.db
      .selectFrom('deployments')
      .selectAll()
      .where('projectId', '=', projectId)
      .where('source', '=', 'workflow_run')
      .where('externalId', '=', String(runId))
      .executeTakeFirst();

  beforeAll(async () => {
    emulator = await startGitHubEmulator();
    github = {
      webUrl: emulator.url,
      apiUrl: emulator.url,
      clientId: 'botsmith-dev-client',
      clientSecret: 'botsmith-dev-secret',
      emulator: true,
      requestTimeoutMs: 10_000,
    };
    queue = await startJobQueue(t.db, { pollingIntervalSeconds: 0.5 });
    await startWebhookWorker({
      db: t.db,
      queue,
      cipher,
      github,
      publicUrl: 'http://127.0.0.1:3000',
      log: pino({ level: 'silent' }),
      addLockfile: fakeLockfiles(),
    });
    server = createTestServer(t.db, { queue, cipher, github }).server;
    address = await server.start();
    alice = await testUser(t.db, 583231, OWNER);
    ghToken = emulator.store.mintToken(OWNER, SCOPES).token;
    await storeGitHubToken(t.db, cipher, alice.id, { accessToken: ghToken, scopes: SCOPES });
    apiToken = (await createApiToken(t.db, alice.id, { name: 'loop', expiresAt: null })).token;
  }, scaledTimeout(60_000));
  afterAll(async () => {
    await emulator?.store.idle();
    await server?.stop();
    await queue?.stop();
    await emulator?.stop();
  });

  test(
    'a workflow run goes in_progress → success in the database and over deployment.changes',
    async () => {
      const { projectId } = await setUpRepo('loop-bot');
      const input = encodeURIComponent(JSON.stringify(superjson.serialize({ projectId })));
      const abort = new AbortController();
      const response = await fetch(`${address}/trpc/deployment.changes?input=${input}`, {
        headers: { authorization: `Bearer ${apiToken}`, accept: 'text/event-stream' },
        signal: abort.signal,
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/event-stream');
      const events: { externalId: string; status: string }[] = [];
      const reading = readEvents(response, events);

      const run = await control(`/repos/${OWNER}/loop-bot/runs`, {
        workflow: 'ci.yml',
        conclusion: 'success',
        delayMs: 1500,
      });
      const runId = run.id as number;
      await expect
        .poll(async () => (await deploymentOfRun(projectId, runId))?.status, {
          timeout: scaledTimeout(20_000),
        })
        .toBe('success');
      await expect
        .poll(() => events.filter((e) => e.externalId === String(runId)).map((e) => e.status), {
          timeout: scaledTimeout(10_000),
        })
        .toContain('success');
      const statuses = events.filter((e) => e.externalId === String(runId)).map((e) => e.status);
      expect(statuses).toContain('in_progress');
      expect(statuses.indexOf('in_progress')).toBeLessThan(statuses.indexOf('success'));
      abort.abort();
      await reading;

      const row = await deploymentOfRun(projectId, runId);
      expect(row).toMatchObject({ workflowName: 'CI', branch: 'main', failingJob: null });
      expect(row?.commitSha).toBe(run.head_sha);
      expect(row?.logsUrl).toBe(run.html_url);
      expect(row?.completedAt).not.toBeNull();
    },
    scaledTimeout(60_000),
  );

  test(
    'a failed run names its failing job, read from GitHub with the owner’s token',
    async () => {
      const { projectId } = await setUpRepo('failing-bot');
      const run = await control(`/repos/${OWNER}/failing-bot/runs`, {
        workflow: 'ci.yml',
        conclusion: 'failure',
      });
      await expect
        .poll(async () => (await deploymentOfRun(projectId, run.id as number))?.status, {
          timeout: scaledTimeout(20_000),
        })
        .toBe('failure');
      const row = await deploymentOfRun(projectId, run.id as number);
      expect(row?.failingJob).toBeTruthy();
      const jobs = await rest('GET', `/repos/${OWNER}/failing-bot/actions/runs/${run.id}/jobs`);
      const failed = (jobs.json.jobs as { name: string; conclusion: string }[]).find(
        (job) => job.conclusion === 'failure',
      );
      expect(row?.failingJob).toBe(failed?.name);

      const caller = createTestCaller(
        t.db,
        { kind: 'api_token', user: alice, tokenId: 'x' },
        { github },
      );
      await expect(
        caller.deployment.redeploy({ deploymentId: row?.id as string }),
      ).rejects.toMatchObject({
        code: 'BAD_REQUEST',
        message: expect.stringContaining('Only a successful deployment'),
      });
    },
    scaledTimeout(60_000),
  );

  test(
    'redeploy dispatches deploy.yml on the default branch with the old commit as `ref`',
    async () => {
      const { projectId } = await setUpRepo('redeploy-bot');
      const run = await control(`/repos/${OWNER}/redeploy-bot/runs`, {
        workflow: 'ci.yml',
        conclusion: 'success',
      });
      await expect
        .poll(async () => (await deploymentOfRun(projectId, run.id as number))?.status, {
          timeout: scaledTimeout(20_000),
        })
        .toBe('success');
      const row = await deploymentOfRun(projectId, run.id as number);
      const caller = createTestCaller(
        t.db,
        { kind: 'api_token', user: alice, tokenId: 'x' },
        { github },
      );
      await expect(
        caller.deployment.redeploy({ deploymentId: row?.id as string }),
      ).resolves.toEqual({
        dispatched: true,
        workflow: 'deploy.yml',
        commitSha: run.head_sha,
      });
      const { dispatches } = await emulatorState();
      expect(dispatches.filter((d) => d.repo === `${OWNER}/redeploy-bot`)).toEqual([
        expect.objectContaining({
          workflowPath: '.github/workflows/deploy.yml',
          ref: 'main',
          inputs: { ref: run.head_sha },
        }),
      ]);
      const [activity] = await caller.activity.list({ projectId, limit: 1 });
      expect(activity).toMatchObject({ action: 'deployment.redeployed' });

      // GitHub's refusals are explained: no deploy.yml (404), or no `ref` input (422).
      const dispatchPath = `/repos/${OWNER}/redeploy-bot/actions/workflows/deploy.yml/dispatches`;
      await control('/faults', { method: 'POST', path: dispatchPath, status: 404, times: 1 });
      await expect(
        caller.deployment.redeploy({ deploymentId: row?.id as string }),
      ).rejects.toMatchObject({
        code: 'NOT_FOUND',
        message: expect.stringContaining('.github/workflows/deploy.yml on main'),
      });
      await control('/faults', {
        method: 'POST',
        path: dispatchPath,
        status: 422,
        body: { message: 'Unexpected inputs provided: ["ref"]' },
        times: 1,
      });
      await expect(
        caller.deployment.redeploy({ deploymentId: row?.id as string }),
      ).rejects.toMatchObject({
        code: 'BAD_REQUEST',
        message: expect.stringContaining('"ref" input'),
      });
    },
    scaledTimeout(60_000),
  );

  test(
    'disconnectWebhook deletes the hook at GitHub; delete tolerates a hook already gone',
    async () => {
      const { projectId, hookId } = await setUpRepo('hooked-bot');
      const caller = createTestCaller(
        t.db,
        { kind: 'api_token', user: alice, tokenId: 'x' },
        { github },
      );
      const disconnected = await caller.project.disconnectWebhook({ projectId });
      expect(disconnected).toMatchObject({ webhookConnected: false, webhookId: null });
      expect((await rest('GET', `/repos/${OWNER}/hooked-bot/hooks/${hookId}`)).status).toBe(404);
      const stored = await t.db
        .selectFrom('projects')
        .select(['webhookSecretCiphertext', 'webhookSecretKeyId'])
        .where('id', '=', projectId)
        .executeTakeFirstOrThrow();
      expect(stored).toEqual({ webhookSecretCiphertext: null, webhookSecretKeyId: null });

      const other = await setUpRepo('deleted-bot');
      await rest('DELETE', `/repos/${OWNER}/deleted-bot/hooks/${other.hookId}`);
      await expect(caller.project.delete({ projectId: other.projectId })).resolves.toMatchObject({
        deleted: true,
        repoFullName: `${OWNER}/deleted-bot`,
      });
      // The repository itself is never deleted.
      expect((await rest('GET', `/repos/${OWNER}/deleted-bot`)).status).toBe(200);

      const third = await setUpRepo('third-bot');
      await caller.project.delete({ projectId: third.projectId });
      expect((await rest('GET', `/repos/${OWNER}/third-bot/hooks/${third.hookId}`)).status).toBe(
        404,
      );
    },
    scaledTimeout(60_000),
  );
});
