import { describeEachDatabase } from '@botsmith/db/testing';
import { generate } from '@botsmith/generators';
import { buildConfigSchema } from '@botsmith/shared';
import sodium from 'libsodium-wrappers';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type SetupHarness, startSetupHarness, TEST_PUBLIC_URL } from '../testing/setup-harness';
import { testCipher } from '../testing/test-keys';
import { webhookSecretContext } from './steps/webhook';

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
  }, 60_000);
  afterAll(() => h.stop());

  type Caller = Awaited<ReturnType<SetupHarness['signIn']>>['caller'];
  const settle = async (caller: Caller, runId: string, statuses: string[]) => {
    await expect
      .poll(async () => (await caller.setup.get({ runId })).status, { timeout: 30_000, interval: 200 })
      .toSatisfy((status: string) => statuses.includes(status));
    return caller.setup.get({ runId });
  };

  test('creates the repo, commits every file once, stores sealed secrets, hooks, protects and follows the first run', async () => {
    const { caller, user } = await h.signIn('octocat');
    const target = { owner: 'octocat', name: 'hello-bot', visibility: 'public' as const };
    const preflight = await caller.setup.preflight({ target, config });
    expect(preflight.ok).toBe(true);
    expect(preflight.plan).toEqual({ branchProtection: true });

    const { runId, projectId } = await caller.setup.start({ target, config, plan: preflight.plan });
    const waiting = await settle(caller, runId, ['waiting', 'failed', 'dead']);
    expect(waiting.status).toBe('waiting');
    expect(waiting.secrets?.names).toEqual(['DISCORD_TOKEN']);
    expect(waiting.steps.map((s) => [s.name, s.status])).toEqual([
      ['create_repo', 'succeeded'],
      ['commit_files', 'succeeded'],
      ['secrets', 'waiting'],
      ['webhook', 'pending'],
      ['branch_protection', 'pending'],
      ['first_run', 'pending'],
    ]);

    const secrets = waiting.secrets;
    if (!secrets) throw new Error('no public key');
    const encryptedValue = await sealLikeTheBrowser(secrets.key, 'discord-bot-token-value');
    await caller.setup.provideSecrets({
      runId,
      keyId: secrets.keyId,
      secrets: [{ name: 'DISCORD_TOKEN', encryptedValue }],
    });
    const done = await settle(caller, runId, ['succeeded', 'failed', 'dead']);
    expect(done.error).toBeNull();
    expect(done.status).toBe('succeeded');
    expect(done.steps.every((s) => s.status === 'succeeded')).toBe(true);
    expect(done.repo).toEqual({
      fullName: 'octocat/hello-bot',
      htmlUrl: `${h.github.url}/octocat/hello-bot`,
      actionsUrl: `${h.github.url}/octocat/hello-bot/actions`,
    });
    expect(done.firstRun).toMatchObject({ status: 'completed', conclusion: 'success', failingJob: null });

    // Exactly one repository, whose tree is the generator's output in one commit on the initial one.
    const repos = [...h.github.store.state.repos.values()].filter((r) => r.name === 'hello-bot');
    expect(repos).toHaveLength(1);
    const files = await (await fetch(`${h.github.url}/_emulator/repos/octocat/hello-bot/files`)).json();
    const expected = Object.fromEntries(generate(config).files.map((f) => [f.path, f.content]));
    expect(files.files).toEqual(expected);
    expect(files.commits).toHaveLength(2);
    expect(files.commits[0].parents).toEqual([files.commits[1].sha]);
    expect(files.commits[1].message).toBe('Initial commit');

    expect(h.github.store.secret('octocat', 'hello-bot', 'DISCORD_TOKEN')).toBe('discord-bot-token-value');

    const project = await t.db.selectFrom('projects').selectAll().where('id', '=', projectId).executeTakeFirstOrThrow();
    expect(project).toMatchObject({ status: 'active', repoFullName: 'octocat/hello-bot', ownerId: user.id, defaultBranch: 'main' });
    const hooks = [...(h.github.store.repo('octocat', 'hello-bot')?.hooks.values() ?? [])];
    expect(hooks).toHaveLength(1);
    expect(hooks[0]?.config.url).toBe(`${TEST_PUBLIC_URL}/webhooks/github`);
    expect(hooks[0]?.config.contentType).toBe('json');
    expect(hooks[0]?.events).toEqual(['push', 'workflow_run', 'deployment', 'deployment_status']);
    expect(project.webhookId).toBe(hooks[0]?.id);
    const secret = testCipher().decrypt(
      { keyId: project.webhookSecretKeyId ?? '', ciphertext: project.webhookSecretCiphertext ?? new Uint8Array() },
      webhookSecretContext(projectId),
    );
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    expect(hooks[0]?.config.secret).toBe(secret);
    expect(h.github.store.repo('octocat', 'hello-bot')?.branchProtection.get('main')).toMatchObject({
      required_status_checks: { strict: true, contexts: ['Test (Node 20)', 'Test (Node 22)', 'Test (Node 24)'] },
    });
    const actions = await t.db.selectFrom('activities').select('action').where('projectId', '=', projectId).execute();
    expect(actions.map((a) => a.action).sort()).toEqual(['setup.started', 'setup.succeeded']);
    expect(await caller.setup.latestForProject({ projectId })).toEqual(done);
  }, 60_000);
});
