import type { Project, User } from '@botsmith/db';
import { describeEachDatabase } from '@botsmith/db/testing';
import { generate } from '@botsmith/generators';
import { sealForPublicKey } from '@botsmith/github-emulator';
import { buildConfigSchema } from '@botsmith/shared';
import { scaledTimeout } from '@botsmith/test-kit';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApiToken } from '../api-tokens/api-tokens';
import { type HarnessCaller, type SetupHarness, startSetupHarness } from '../testing/setup-harness';
import { createTestServer } from '../testing/test-server';

const config = buildConfigSchema.parse({
  project: { name: 'secrets-bot' },
  platforms: ['discord'],
  deploy: { target: 'render' },
  automation: { deploy: true },
});
const ledger = generate(config).ledger;

const seal = async (key: string, value: string) => sealForPublicKey(key, value);

describeEachDatabase('projectSecrets router (emulator, real HTTP)', (t) => {
  let h: SetupHarness;
  let octocat: { user: User; caller: HarnessCaller };
  let hubot: { user: User; caller: HarnessCaller };
  let project: Project;
  let draft: Project;

  beforeAll(async () => {
    h = await startSetupHarness(t.db, { withWorker: false });
    octocat = await h.signIn('octocat');
    hubot = await h.signIn('hubot');
    const created = await fetch(`${h.github.url}/_emulator/repos`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ owner: 'octocat', name: 'secrets-bot', auto_init: true }),
    });
    expect(created.status).toBe(201);
    const insert = (name: string, repoFullName: string | null) =>
      t.db
        .insertInto('projects')
        .values({
          ownerId: octocat.user.id,
          name,
          config: JSON.stringify(config),
          configSchemaVersion: config.schemaVersion,
          status: repoFullName ? 'active' : 'draft',
          repoFullName,
          defaultBranch: repoFullName ? 'main' : null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
    project = await insert('secrets-bot', 'octocat/secrets-bot');
    draft = await insert('draft-bot', null);
  }, scaledTimeout(60_000));
  afterAll(() => h.stop());

  const environment = () =>
    h.github.store.repo('octocat', 'secrets-bot')?.environments.get('production');

  test('lists the ledger with every name missing before anything is set', async () => {
    const view = await octocat.caller.projectSecrets.list({ projectId: project.id });
    expect(view.repo).toBe('octocat/secrets-bot');
    expect(view.environment).toBe('production');
    expect(view.redeployable).toBe(false);
    expect(view.entries.map((e) => e.name)).toEqual(ledger.map((e) => e.name));
    expect(view.entries.map((e) => e.name)).toEqual(
      expect.arrayContaining(['DISCORD_TOKEN', 'RENDER_API_KEY', 'RENDER_SERVICE_ID']),
    );
    expect(view.entries.every((e) => e.state === 'missing' && e.updatedAt === null)).toBe(true);
  });

  test('sets and rotates a secret: GitHub holds ciphertext that opens to the typed value', async () => {
    const key = await octocat.caller.projectSecrets.publicKey({ projectId: project.id });
    expect(environment()?.secretsKey.keyId).toBe(key.keyId);
    for (const value of ['render-key-1', 'render-key-2']) {
      const set = await octocat.caller.projectSecrets.setSecret({
        projectId: project.id,
        name: 'RENDER_API_KEY',
        keyId: key.keyId,
        encryptedValue: await seal(key.key, value),
      });
      expect(set.name).toBe('RENDER_API_KEY');
      expect(set.updatedAt).toEqual(expect.any(String));
      expect(
        h.github.store.environmentSecret('octocat', 'secrets-bot', 'production', 'RENDER_API_KEY'),
      ).toBe(value);
    }
    const stored = environment()?.secrets.get('RENDER_API_KEY');
    expect(stored?.encryptedValue).not.toContain('render-key');
    expect(h.github.store.repo('octocat', 'secrets-bot')?.secrets.size).toBe(0);

    const view = await octocat.caller.projectSecrets.list({ projectId: project.id });
    const entry = view.entries.find((e) => e.name === 'RENDER_API_KEY');
    expect(entry).toMatchObject({ state: 'set', value: null, secret: true });
  });

  test('sets a plain variable, shows its value, and removes values (twice is fine)', async () => {
    for (const value of ['srv-one', 'srv-two']) {
      await octocat.caller.projectSecrets.setVariable({
        projectId: project.id,
        name: 'RENDER_SERVICE_ID',
        value,
      });
    }
    expect(
      h.github.store.environmentVariable(
        'octocat',
        'secrets-bot',
        'production',
        'RENDER_SERVICE_ID',
      ),
    ).toBe('srv-two');
    let view = await octocat.caller.projectSecrets.list({ projectId: project.id });
    expect(view.entries.find((e) => e.name === 'RENDER_SERVICE_ID')).toMatchObject({
      state: 'set',
      value: 'srv-two',
    });

    for (const name of ['RENDER_SERVICE_ID', 'RENDER_SERVICE_ID', 'RENDER_API_KEY']) {
      expect(await octocat.caller.projectSecrets.remove({ projectId: project.id, name })).toEqual({
        name,
      });
    }
    view = await octocat.caller.projectSecrets.list({ projectId: project.id });
    expect(view.entries.every((e) => e.state === 'missing')).toBe(true);
    expect(environment()?.variables.size).toBe(0);
  });

  test('refuses names outside the ledger and the wrong kind', async () => {
    const key = await octocat.caller.projectSecrets.publicKey({ projectId: project.id });
    const encryptedValue = await seal(key.key, 'v');
    const input = { projectId: project.id, keyId: key.keyId, encryptedValue };
    await expect(
      octocat.caller.projectSecrets.setSecret({ ...input, name: 'NOT_IN_THE_LEDGER' }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('NOT_IN_THE_LEDGER'),
    });
    await expect(
      octocat.caller.projectSecrets.setSecret({ ...input, name: 'RENDER_SERVICE_ID' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(
      octocat.caller.projectSecrets.setVariable({
        projectId: project.id,
        name: 'DISCORD_TOKEN',
        value: 'plain?',
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(
      octocat.caller.projectSecrets.remove({ projectId: project.id, name: 'UNKNOWN_NAME' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(environment()?.secrets.size).toBe(0);
  });

  test("another user's project is NOT_FOUND; a draft is PRECONDITION_FAILED", async () => {
    for (const call of [
      () => hubot.caller.projectSecrets.list({ projectId: project.id }),
      () => hubot.caller.projectSecrets.publicKey({ projectId: project.id }),
      () =>
        hubot.caller.projectSecrets.setVariable({
          projectId: project.id,
          name: 'RENDER_SERVICE_ID',
          value: 'srv-x',
        }),
      () => hubot.caller.projectSecrets.remove({ projectId: project.id, name: 'RENDER_API_KEY' }),
    ]) {
      await expect(call()).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
    await expect(octocat.caller.projectSecrets.list({ projectId: draft.id })).rejects.toMatchObject(
      {
        code: 'PRECONDITION_FAILED',
        message: expect.stringContaining('no GitHub repository yet'),
      },
    );
  });

  describe('over HTTP', () => {
    test('values reach neither the logs nor the audit log', async () => {
      const { token } = await createApiToken(t.db, octocat.user.id, {
        name: 'secrets-page',
        expiresAt: null,
      });
      const { server, logs } = createTestServer(t.db, {
        github: h.githubConfig,
        cipher: h.runDeps.cipher,
        logLevel: 'trace',
      });
      const call = async (path: string, input: unknown) => {
        const response = await server.app.inject({
          method: 'POST',
          url: `/trpc/projectSecrets.${path}`,
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          payload: JSON.stringify({ json: input }),
        });
        return response;
      };
      try {
        const key = await octocat.caller.projectSecrets.publicKey({ projectId: project.id });
        const secretValue = 'discord-token-never-logged';
        const encryptedValue = await seal(key.key, secretValue);
        const plainValue = 'srv-plain0never0logged';
        expect(
          (
            await call('setSecret', {
              projectId: project.id,
              name: 'DISCORD_TOKEN',
              keyId: key.keyId,
              encryptedValue,
            })
          ).statusCode,
        ).toBe(200);
        expect(
          (
            await call('setVariable', {
              projectId: project.id,
              name: 'RENDER_SERVICE_ID',
              value: plainValue,
            })
          ).statusCode,
        ).toBe(200);
        // A refused call logs too: its input must not show up either.
        expect(
          (
            await call('setVariable', {
              projectId: project.id,
              name: 'DISCORD_TOKEN',
              value: plainValue,
            })
          ).statusCode,
        ).toBe(400);
        const audit = await t.db
          .selectFrom('activities')
          .select(['action', 'metadata'])
          .where('projectId', '=', project.id)
          .where('action', 'in', ['secrets.set', 'secrets.removed'])
          .execute();
        expect(audit.map((a) => a.action)).toContain('secrets.set');
        expect(audit.map((a) => a.metadata)).toContainEqual(
          expect.objectContaining({ name: 'DISCORD_TOKEN', kind: 'secret' }),
        );
        const everything = `${logs.text()}${JSON.stringify(audit)}`;
        for (const leaked of [secretValue, encryptedValue, plainValue]) {
          expect(everything).not.toContain(leaked);
        }
      } finally {
        await server.app.close();
      }
    });
  });
});
