import { describeEachDatabase } from '@botsmith/db/testing';
import { sealForPublicKey } from '@botsmith/github-emulator';
import { scaledTimeout } from '@botsmith/test-kit';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type SetupHarness, settleRun, startSetupHarness } from '../../src/testing/setup-harness';
import { config, NAME, STEP_CALLS, variables } from './step-calls';

// The fault suite's GitHub half, in-process: GitHub closes the connection without an answer on
// the first call of every step. Each call is retried, and the setup ends with one of everything.

describeEachDatabase('auto-setup when GitHub drops connections', (t) => {
  let h: SetupHarness;
  beforeAll(async () => {
    h = await startSetupHarness(t.db);
    h.github.store.state.settings.autoRuns = { conclusion: 'success', delayMs: 100 };
  }, scaledTimeout(60_000));
  afterAll(() => h.stop());

  test(
    'every step retries a dropped call and completes exactly once',
    async () => {
      const { caller } = await h.signIn('octocat');
      for (const call of STEP_CALLS) {
        await h.fault({ method: call.method, path: call.path, drop: true });
      }
      const target = { owner: 'octocat', name: NAME, visibility: 'public' as const };
      const { runId } = await caller.setupRun.start({
        target,
        config,
        plan: { branchProtection: true },
        variables,
      });
      const paused = await settleRun(caller, runId, ['waiting', 'failed', 'dead'], 60_000);
      expect(paused.status, paused.error ?? '').toBe('waiting');
      const { secrets } = paused;
      if (!secrets) throw new Error('the run waits without a key');
      const values = new Map(secrets.names.map((name) => [name, `${name.toLowerCase()}-value`]));
      await caller.setupRun.provideSecrets({
        runId,
        keyId: secrets.keyId,
        secrets: [...values].map(([name, value]) => ({
          name,
          encryptedValue: sealForPublicKey(secrets.key, value),
        })),
      });
      const ended = await settleRun(caller, runId, ['succeeded', 'failed', 'dead'], 60_000);
      expect(ended.status, ended.error ?? '').toBe('succeeded');

      const log = h.github.store.state.requestLog;
      for (const call of STEP_CALLS) {
        const dropped = log.filter(
          (r) => r.method === call.method && new RegExp(`^${call.path}$`).test(r.path) && r.faulted,
        );
        expect(
          dropped.map((r) => r.status),
          `${call.method} ${call.path}`,
        ).toEqual([0]);
      }
      expect(h.github.store.state.faults).toEqual([]);
      expect(log.filter((r) => r.path === '/user/repos' && r.status === 201)).toHaveLength(1);
      expect(h.github.store.snapshot('octocat', NAME)?.commits).toHaveLength(2);
      const repo = h.github.store.repo('octocat', NAME);
      expect(repo?.hooks.size).toBe(1);
      expect(repo?.branchProtection.size).toBe(1);
      for (const [name, value] of values)
        expect(h.github.store.environmentSecret('octocat', NAME, 'production', name)).toBe(value);
      const done = await caller.setupRun.get({ runId });
      expect(done.firstRun).toMatchObject({ conclusion: 'success' });
      // Each retried step says so in its attempts, not in a failure.
      expect(done.steps.every((step) => step.status === 'succeeded')).toBe(true);
    },
    scaledTimeout(120_000),
  );
});
