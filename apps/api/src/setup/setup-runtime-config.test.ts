import { describeEachDatabase } from '@botsmith/db/testing';
import { generate } from '@botsmith/generators';
import { sealForPublicKey } from '@botsmith/github-emulator';
import { type BuildConfig, buildConfigSchema } from '@botsmith/shared';
import { scaledTimeout } from '@botsmith/test-kit';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type SetupHarness, settleRun, startSetupHarness } from '../testing/setup-harness';

// Issue "deploys that really run the bot": a setup ends with every ledger value in the
// `production` environment, and preflight refuses a setup whose first deploy would fail.

const TARGETS = ['docker-ghcr', 'railway', 'fly', 'render'] as const;

const configFor = (target: (typeof TARGETS)[number]): BuildConfig =>
  buildConfigSchema.parse({
    project: { name: `${target}-bot` },
    platforms: ['discord'],
    deploy: { target },
    automation: { deploy: true },
  });

// Values the ledger's formats accept (a Render service ID, an http(s) health URL).
const typedValue = (name: string) =>
  name === 'RENDER_SERVICE_ID'
    ? 'srv-typed0value'
    : name === 'HEALTH_URL'
      ? 'https://typed-bot.example/health'
      : `value-of-${name.toLowerCase()}`;

describeEachDatabase('runtime configuration through setup (emulator, real HTTP)', (t) => {
  let h: SetupHarness;
  beforeAll(async () => {
    h = await startSetupHarness(t.db);
    h.github.store.state.settings.autoRuns = { conclusion: 'success', delayMs: 0 };
  }, scaledTimeout(60_000));
  afterAll(() => h.stop());

  for (const target of TARGETS) {
    test(
      `${target}: every ledger value ends up in production, nothing repository-wide`,
      async () => {
        const { caller } = await h.signIn('octocat');
        const config = configFor(target);
        const ledger = generate(config).ledger;
        const plain = ledger.filter((entry) => !entry.secret);
        const variables = Object.fromEntries(
          plain.map((entry) => [entry.name, typedValue(entry.name)]),
        );
        const name = `${target}-bot`;
        const targetRepo = { owner: 'octocat', name, visibility: 'public' as const };
        const preflight = await caller.setupRun.preflight({
          target: targetRepo,
          config,
          provided: {
            secrets: ledger.filter((entry) => entry.secret).map((entry) => entry.name),
            variables,
          },
        });
        expect(preflight.checks.find((c) => c.id === 'runtime_config')?.status).toBe('pass');
        const { runId } = await caller.setupRun.start({
          target: targetRepo,
          config,
          plan: preflight.plan,
          variables,
        });
        const paused = await settleRun(caller, runId, ['waiting', 'failed', 'dead']);
        expect(paused.status, paused.error ?? '').toBe('waiting');
        const secrets = paused.secrets;
        if (!secrets) throw new Error('no public key');
        expect(secrets.keyId).toBe(
          h.github.store.repo('octocat', name)?.environments.get('production')?.secretsKey.keyId,
        );
        expect(secrets.names).toEqual(
          ledger.filter((entry) => entry.secret).map((entry) => entry.name),
        );
        await caller.setupRun.provideSecrets({
          runId,
          keyId: secrets.keyId,
          secrets: secrets.names.map((secret) => ({
            name: secret,
            encryptedValue: sealForPublicKey(secrets.key, typedValue(secret)),
          })),
        });
        const done = await settleRun(caller, runId, ['succeeded', 'failed', 'dead']);
        expect(done.status, done.error ?? '').toBe('succeeded');

        const repo = h.github.store.repo('octocat', name);
        const production = repo?.environments.get('production');
        for (const entry of ledger) {
          const stored = entry.secret
            ? h.github.store.environmentSecret('octocat', name, 'production', entry.name)
            : h.github.store.environmentVariable('octocat', name, 'production', entry.name);
          expect(stored, entry.name).toBe(typedValue(entry.name));
          if (entry.secret) {
            // GitHub holds the sealed box only, never the typed value.
            expect(production?.secrets.get(entry.name)?.encryptedValue).not.toContain(
              typedValue(entry.name),
            );
          }
        }
        const required = ledger.filter((entry) => entry.required).map((entry) => entry.name);
        expect(required.length).toBeGreaterThan(0);
        expect(repo?.secrets.size).toBe(0);
        expect(repo?.variables.size).toBe(0);
      },
      scaledTimeout(60_000),
    );
  }

  test(
    'preflight refuses a Render setup without RENDER_SERVICE_ID, with the fix; start too',
    async () => {
      const { caller } = await h.signIn('octocat');
      const config = configFor('render');
      const targetRepo = {
        owner: 'octocat',
        name: 'no-service-bot',
        visibility: 'public' as const,
      };
      const secrets = ['DISCORD_TOKEN', 'RENDER_API_KEY'];
      const variables = { DISCORD_CLIENT_ID: '1234', HEALTH_URL: 'https://bot.example/health' };
      const preflight = await caller.setupRun.preflight({
        target: targetRepo,
        config,
        provided: { secrets, variables },
      });
      expect(preflight.ok).toBe(false);
      const check = preflight.checks.find((c) => c.id === 'runtime_config');
      expect(check).toMatchObject({
        status: 'fail',
        reason: 'The first deploy would fail: RENDER_SERVICE_ID is not set.',
      });
      expect(check?.fix).toMatch(
        /^Type a value for it in step 7 \(https:\/\/[^)]+\), or turn off automatic deploys and add it later on the project's Secrets page\.$/,
      );
      await expect(
        caller.setupRun.start({ target: targetRepo, config, plan: preflight.plan, variables }),
      ).rejects.toMatchObject({
        code: 'PRECONDITION_FAILED',
        message: expect.stringContaining('RENDER_SERVICE_ID is not set'),
      });
      expect(h.github.store.repo('octocat', 'no-service-bot')).toBeUndefined();

      // Several missing names are listed, grouped by what needs them.
      const none = await caller.setupRun.preflight({ target: targetRepo, config });
      expect(none.checks.find((c) => c.id === 'runtime_config')?.reason).toBe(
        'The first deploy would fail: these are not set — Discord: DISCORD_TOKEN, DISCORD_CLIENT_ID; Render: RENDER_API_KEY, RENDER_SERVICE_ID, HEALTH_URL.',
      );

      // Without the deploy workflow the bot is deployed later: only a warning.
      const manual = buildConfigSchema.parse({ project: { name: 'manual-bot' } });
      const warned = await caller.setupRun.preflight({
        target: { ...targetRepo, name: 'manual-bot' },
        config: manual,
      });
      expect(warned.ok).toBe(true);
      expect(warned.checks.find((c) => c.id === 'runtime_config')?.status).toBe('warn');
    },
    scaledTimeout(60_000),
  );

  test(
    'start refuses plain values the ledger does not have, that name a secret, or that are malformed',
    async () => {
      const { caller } = await h.signIn('octocat');
      const config = configFor('render');
      const input = {
        target: { owner: 'octocat', name: 'bad-values-bot', visibility: 'public' as const },
        config,
        plan: { branchProtection: false },
      };
      await expect(
        caller.setupRun.start({
          ...input,
          variables: { RENDER_SERVICE_ID: 'srv-1', DISCORD_CLIENT_ID: '1', NOT_USED: 'x' },
        }),
      ).rejects.toMatchObject({
        code: 'BAD_REQUEST',
        message: expect.stringContaining('NOT_USED'),
      });
      await expect(
        caller.setupRun.start({
          ...input,
          variables: { RENDER_SERVICE_ID: 'srv-1', DISCORD_CLIENT_ID: '1', RENDER_API_KEY: 'k' },
        }),
      ).rejects.toMatchObject({
        code: 'BAD_REQUEST',
        message: expect.stringContaining('RENDER_API_KEY is a secret'),
      });
      await expect(
        caller.setupRun.start({
          ...input,
          variables: { RENDER_SERVICE_ID: 'my-service', HEALTH_URL: 'bot.example/health' },
        }),
      ).rejects.toMatchObject({
        code: 'BAD_REQUEST',
        message:
          'RENDER_SERVICE_ID must be a Render service ID such as srv-abc123. HEALTH_URL must be an http(s) URL such as https://bot.example.com/health.',
      });
      const malformed = await caller.setupRun.preflight({
        target: input.target,
        config,
        provided: { secrets: [], variables: { RENDER_SERVICE_ID: 'my-service' } },
      });
      expect(malformed.checks.find((c) => c.id === 'runtime_config')).toMatchObject({
        status: 'fail',
        reason: 'RENDER_SERVICE_ID must be a Render service ID such as srv-abc123.',
        fix: 'Correct the value in step 7.',
      });
      expect(h.github.store.repo('octocat', 'bad-values-bot')).toBeUndefined();
    },
    scaledTimeout(60_000),
  );
});
