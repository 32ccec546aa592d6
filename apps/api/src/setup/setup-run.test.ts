import { describeEachDatabase } from '@botsmith/db/testing';
import { generate } from '@botsmith/generators';
import { buildConfigSchema } from '@botsmith/shared';
import { scaledTimeout } from '@botsmith/test-kit';
import sodium from 'libsodium-wrappers';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  type HarnessCaller,
  type SetupHarness,
  settleRun,
  startSetupHarness,
  TEST_PUBLIC_URL,
} from '../testing/setup-harness';
import { testCipher } from '../testing/test-keys';
import { webhookSecretContext } from '../webhooks/webhook-secret';

const config = buildConfigSchema.parse({ project: { name: 'hello-bot' } });

/** What the browser does: seal each value for the repository's public key (crypto_box_seal). */
async function sealLikeTheBrowser(key: string, value: string): Promise<string> {
  await sodium.ready;
  const sealed = sodium.crypto_box_seal(
    sodium.from_string(value),
    sodium.from_base64(key, sodium.base64_variants.ORIGINAL),
  );
  return sodium.to_base64(sealed, sodium.base64_variants.ORIGINAL);
}

describeEachDatabase('auto-setup through the job queue (emulator, real HTTP)', (t) => {
  let h: SetupHarness;
  beforeAll(async () => {
    h = await startSetupHarness(t.db);
    await fetch(`${h.github.url}/_emulator/settings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ autoRuns: { conclusion: 'success' } }),
    });
  }, scaledTimeout(60_000));
  afterAll(() => h.stop());

  test(
    'creates the repo, commits every file once, stores sealed secrets, hooks, protects and follows the first run',
    async () => {
      const { caller, user } = await h.signIn('octocat');
      const target = { owner: 'octocat', name: 'hello-bot', visibility: 'public' as const };
      const variables = { DISCORD_CLIENT_ID: '123456789012345678' };
      const preflight = await caller.setupRun.preflight({
        target,
        config,
        provided: { secrets: ['DISCORD_TOKEN'], variables },
      });
      expect(preflight.ok).toBe(true);
      expect(preflight.plan).toEqual({ branchProtection: true });
      expect(preflight.checks.find((c) => c.id === 'runtime_config')?.status).toBe('pass');

      const { runId, projectId } = await caller.setupRun.start({
        target,
        config,
        plan: preflight.plan,
        variables,
      });
      const waiting = await settleRun(caller, runId, ['waiting', 'failed', 'dead']);
      expect(waiting.status).toBe('waiting');
      expect(waiting.secrets?.names).toEqual(['DISCORD_TOKEN']);
      expect(waiting.steps.map((s) => [s.id, s.status])).toEqual([
        ['github:repo:create', 'succeeded'],
        ['github:files:commit', 'succeeded'],
        ['github:environment:create', 'succeeded'],
        ['github:secrets:store', 'waiting'],
        ['github:variables:set', 'pending'],
        ['github:webhook:create', 'pending'],
        ['github:branch:protect', 'pending'],
        ['github:workflow:await-first-run', 'pending'],
      ]);

      const secrets = waiting.secrets;
      if (!secrets) throw new Error('no public key');
      const encryptedValue = await sealLikeTheBrowser(secrets.key, 'discord-bot-token-value');
      await caller.setupRun.provideSecrets({
        runId,
        keyId: secrets.keyId,
        secrets: [{ name: 'DISCORD_TOKEN', encryptedValue }],
      });
      const done = await settleRun(caller, runId, ['succeeded', 'failed', 'dead']);
      expect(done.error).toBeNull();
      expect(done.status).toBe('succeeded');
      expect(done.steps.every((s) => s.status === 'succeeded')).toBe(true);
      expect(done.repo).toEqual({
        fullName: 'octocat/hello-bot',
        htmlUrl: `${h.github.url}/octocat/hello-bot`,
        actionsUrl: `${h.github.url}/octocat/hello-bot/actions`,
      });
      expect(done.firstRun).toMatchObject({
        status: 'completed',
        conclusion: 'success',
        failingJob: null,
      });
      // The first run is on the dashboard even though it ended before the webhook existed.
      const deployments = await t.db
        .selectFrom('deployments')
        .select(['source', 'status', 'commitSha'])
        .where('projectId', '=', projectId)
        .execute();
      expect(deployments.length).toBeGreaterThan(0);
      expect(deployments.every((d) => d.source === 'workflow_run' && d.status === 'success')).toBe(
        true,
      );

      // Exactly one repository, whose tree is the generator's output in one commit on the initial one.
      const repos = [...h.github.store.state.repos.values()].filter((r) => r.name === 'hello-bot');
      expect(repos).toHaveLength(1);
      const response = await fetch(`${h.github.url}/_emulator/repos/octocat/hello-bot/files`);
      const files = (await response.json()) as {
        files: Record<string, string>;
        commits: { sha: string; message: string; parents: string[] }[];
      };
      const expected = Object.fromEntries(generate(config).files.map((f) => [f.path, f.content]));
      // Every generated file, and the lockfile resolved for exactly its package.json.
      const { 'package-lock.json': lockfile, ...generated } = files.files;
      expect(generated).toEqual(expected);
      expect(JSON.parse(lockfile ?? '{}').packages[''].dependencies).toMatchObject(
        JSON.parse(expected['package.json'] ?? '{}').dependencies,
      );
      expect(files.commits).toHaveLength(2);
      expect(files.commits[0]?.parents).toEqual([files.commits[1]?.sha]);
      expect(files.commits[1]?.message).toBe('Initial commit');

      // Every value lives in the production environment, none repository-wide.
      expect(
        h.github.store.environmentSecret('octocat', 'hello-bot', 'production', 'DISCORD_TOKEN'),
      ).toBe('discord-bot-token-value');
      expect(
        h.github.store.environmentVariable(
          'octocat',
          'hello-bot',
          'production',
          'DISCORD_CLIENT_ID',
        ),
      ).toBe('123456789012345678');
      expect(h.github.store.repo('octocat', 'hello-bot')?.secrets.size).toBe(0);
      expect(h.github.store.repo('octocat', 'hello-bot')?.variables.size).toBe(0);

      const project = await t.db
        .selectFrom('projects')
        .selectAll()
        .where('id', '=', projectId)
        .executeTakeFirstOrThrow();
      expect(project).toMatchObject({
        status: 'active',
        repoFullName: 'octocat/hello-bot',
        ownerId: user.id,
        defaultBranch: 'main',
      });
      const hooks = [...(h.github.store.repo('octocat', 'hello-bot')?.hooks.values() ?? [])];
      expect(hooks).toHaveLength(1);
      expect(hooks[0]?.config.url).toBe(`${TEST_PUBLIC_URL}/webhooks/github`);
      expect(hooks[0]?.config.contentType).toBe('json');
      expect(hooks[0]?.events).toEqual(['push', 'workflow_run', 'deployment', 'deployment_status']);
      expect(project.webhookId).toBe(hooks[0]?.id);
      const secret = testCipher().decrypt(
        {
          keyId: project.webhookSecretKeyId ?? '',
          ciphertext: project.webhookSecretCiphertext ?? new Uint8Array(),
        },
        webhookSecretContext(projectId),
      );
      expect(secret).toMatch(/^[0-9a-f]{64}$/);
      expect(hooks[0]?.config.secret).toBe(secret);
      expect(
        h.github.store.repo('octocat', 'hello-bot')?.branchProtection.get('main'),
      ).toMatchObject({
        required_status_checks: {
          strict: true,
          contexts: ['Test (Node 24)', 'Test (Node 26)'],
        },
      });
      const actions = await t.db
        .selectFrom('activities')
        .select('action')
        .where('projectId', '=', projectId)
        .execute();
      expect(actions.map((a) => a.action).sort()).toEqual([
        'deployment.updated',
        'setup.started',
        'setup.succeeded',
      ]);
      expect(await caller.setupRun.latestForProject({ projectId })).toEqual(done);

      // Step 8 shows where the bot answers once a deploy reported its environment_url.
      expect(done.deploymentUrl).toBeNull();
      await t.db
        .insertInto('deployments')
        .values({
          projectId,
          source: 'deployment',
          externalId: 'deploy-1',
          status: 'success',
          environment: 'production',
          url: 'https://hello-bot.example.com',
        })
        .execute();
      expect((await caller.setupRun.get({ runId })).deploymentUrl).toBe(
        'https://hello-bot.example.com',
      );
    },
    scaledTimeout(60_000),
  );

  /** Starts a setup and drives it to an end, answering the secrets pause with no secrets. */
  const setUp = async (caller: HarnessCaller, name: string) => {
    const target = { owner: 'octocat', name, visibility: 'public' as const };
    const { runId, projectId } = await caller.setupRun.start({
      target,
      config,
      plan: { branchProtection: false },
    });
    const paused = await settleRun(caller, runId, ['waiting', 'succeeded', 'failed', 'dead']);
    if (paused.status === 'waiting') {
      await caller.setupRun.provideSecrets({
        runId,
        keyId: paused.secrets?.keyId ?? '',
        secrets: [],
      });
    }
    return {
      runId,
      projectId,
      end: await settleRun(caller, runId, ['succeeded', 'failed', 'dead']),
    };
  };

  test(
    'GitHub answering 502 to the commit twice: retried, completed, one commit',
    async () => {
      const { caller } = await h.signIn('octocat');
      await h.fault({
        method: 'POST',
        path: '/repos/octocat/flaky-bot/git/commits',
        status: 502,
        times: 2,
      });
      const { end, runId } = await setUp(caller, 'flaky-bot');
      expect(end.status).toBe('succeeded');
      const commitStep = end.steps.find((s) => s.id === 'github:files:commit');
      expect(commitStep?.status).toBe('succeeded');
      const snapshot = h.github.store.snapshot('octocat', 'flaky-bot');
      expect(snapshot?.commits).toHaveLength(2);
      const log = h.github.store.state.requestLog.filter(
        (r) => r.method === 'POST' && r.path === '/repos/octocat/flaky-bot/git/commits',
      );
      expect(log.map((r) => r.status)).toEqual([502, 502, 201]);
      expect(
        (await caller.setupRun.get({ runId })).steps.find((s) => s.id === 'github:secrets:store')
          ?.status,
      ).toBe('skipped');
    },
    scaledTimeout(60_000),
  );

  test(
    'a step GitHub refuses fails the run; retry resumes from that step',
    async () => {
      const { caller } = await h.signIn('octocat');
      await h.fault({
        method: 'POST',
        path: '/repos/octocat/retried-bot/hooks',
        status: 422,
        times: 1,
      });
      const { end, runId } = await setUp(caller, 'retried-bot');
      expect(end.status).toBe('failed');
      const failed = end.steps.find((s) => s.status === 'failed');
      expect(failed?.id).toBe('github:webhook:create');
      expect(end.error).toMatch(/Injected fault/);
      const commitsBefore = h.github.store.snapshot('octocat', 'retried-bot')?.commits.length;

      await caller.setupRun.retry({ runId });
      const again = await settleRun(caller, runId, ['succeeded', 'failed', 'dead']);
      expect(again.status).toBe('succeeded');
      expect(again.steps.find((s) => s.id === 'github:webhook:create')).toMatchObject({
        status: 'succeeded',
        attempts: 2,
      });
      expect(again.steps.find((s) => s.id === 'github:repo:create')?.attempts).toBe(1);
      expect(h.github.store.snapshot('octocat', 'retried-bot')?.commits.length).toBe(commitsBefore);
      await expect(caller.setupRun.retry({ runId })).rejects.toMatchObject({ code: 'CONFLICT' });
    },
    scaledTimeout(60_000),
  );

  test(
    'rollback deletes the hook; deleting the repo needs delete_repo, which is reported',
    async () => {
      const { caller } = await h.signIn('octocat');
      const { runId, projectId, end } = await setUp(caller, 'doomed-bot');
      expect(end.status).toBe('succeeded');

      await expect(
        caller.setupRun.rollback({ runId, confirmRepoFullName: 'octocat/other' }),
      ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
      const refused = await caller.setupRun.rollback({
        runId,
        confirmRepoFullName: 'octocat/doomed-bot',
      });
      expect(refused.webhookDeleted).toBe(true);
      expect(refused.repo).toEqual({
        status: 'refused',
        settingsUrl: `${h.github.url}/octocat/doomed-bot/settings`,
        message: expect.stringContaining('delete_repo'),
      });
      expect(h.github.store.repo('octocat', 'doomed-bot')?.hooks.size).toBe(0);
      expect(h.github.store.repo('octocat', 'doomed-bot')).toBeDefined();
      expect(refused.snapshot?.status).toBe('rolled_back');
      expect(refused.snapshot?.steps.find((s) => s.id === 'github:repo:create')?.message).toContain(
        '/octocat/doomed-bot/settings',
      );

      const privileged = await h.signIn('octocat', [
        'repo',
        'workflow',
        'admin:repo_hook',
        'delete_repo',
      ]);
      const deleted = await privileged.caller.setupRun.rollback({
        runId,
        confirmRepoFullName: 'octocat/doomed-bot',
      });
      expect(deleted.repo).toEqual({ status: 'deleted' });
      expect(h.github.store.repo('octocat', 'doomed-bot')).toBeUndefined();
      const project = await t.db
        .selectFrom('projects')
        .selectAll()
        .where('id', '=', projectId)
        .executeTakeFirstOrThrow();
      expect(project).toMatchObject({
        status: 'draft',
        repoFullName: null,
        webhookId: null,
        webhookSecretCiphertext: null,
      });
    },
    scaledTimeout(60_000),
  );

  test(
    "another user's run is NOT_FOUND for every procedure",
    async () => {
      const octocat = await h.signIn('octocat');
      const { runId, projectId } = await setUp(octocat.caller, 'private-bot');
      const { caller } = await h.signIn('hubot');
      const notFound = { code: 'NOT_FOUND' };
      await expect(caller.setupRun.get({ runId })).rejects.toMatchObject(notFound);
      await expect(caller.setupRun.retry({ runId })).rejects.toMatchObject(notFound);
      await expect(caller.setupRun.rollback({ runId })).rejects.toMatchObject(notFound);
      await expect(
        caller.setupRun.provideSecrets({ runId, keyId: 'k', secrets: [] }),
      ).rejects.toMatchObject(notFound);
      expect(await caller.setupRun.latestForProject({ projectId })).toBeNull();
      const stream = await caller.setupRun.progress({ runId }).catch((error: unknown) => error);
      const first =
        stream instanceof Error
          ? stream
          : await (stream as AsyncIterable<unknown>)
              [Symbol.asyncIterator]()
              .next()
              .catch((e: unknown) => e);
      expect(first).toMatchObject(notFound);
    },
    scaledTimeout(60_000),
  );
});
