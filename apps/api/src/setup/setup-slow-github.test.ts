import { describeEachDatabase } from '@botsmith/db/testing';
import { buildConfigSchema } from '@botsmith/shared';
import { scaledTimeout } from '@botsmith/test-kit';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import {
  type HarnessCaller,
  type SetupHarness,
  settleRun,
  startSetupHarness,
} from '../testing/setup-harness';

const config = buildConfigSchema.parse({ project: { name: 'patient-bot' } });

describeEachDatabase('setup when GitHub fails or is slow (emulator, real HTTP)', (t) => {
  let h: SetupHarness;
  beforeAll(async () => {
    // Real backoff (1 s, then 2 s), and GitHub's retry-after honoured up to a minute.
    // A GitHub call that gets no answer within a second gives up.
    h = await startSetupHarness(t.db, {
      timings: { tries: 3, retryBaseDelayMs: 1_000, maxRetryDelayMs: 60_000 },
      requestTimeoutMs: 1_000,
    });
  }, scaledTimeout(60_000));
  afterEach(() => h.clearFaults());
  afterAll(() => h.stop());

  const start = (caller: HarnessCaller, name: string) =>
    caller.setupRun.start({
      target: { owner: 'octocat', name, visibility: 'public' },
      config,
      plan: { branchProtection: false },
    });

  test(
    'two 500s carrying GitHub’s rate-limit headers back off seconds, not until the reset, and say so',
    async () => {
      const { caller } = await h.signIn('octocat');
      // What GitHub sends on every answer: the hour's budget, far from spent, resetting later.
      const reset = Math.floor(Date.now() / 1000) + 60;
      await h.fault({
        method: 'POST',
        path: '/user/repos',
        status: 500,
        times: 2,
        headers: {
          'x-ratelimit-limit': '5000',
          'x-ratelimit-remaining': '4987',
          'x-ratelimit-used': '13',
          'x-ratelimit-reset': String(reset),
          'x-ratelimit-resource': 'core',
        },
      });
      const logStart = h.github.store.state.requestLog.length;
      const started = Date.now();
      const { runId } = await start(caller, 'backoff-bot');

      await expect
        .poll(async () => (await caller.setupRun.get({ runId })).steps[0]?.message, {
          timeout: scaledTimeout(10_000),
          interval: 100,
        })
        .toMatch(/^Retrying in [12] s: GitHub did not answer properly \(500: Server Error\)/);
      const end = await settleRun(caller, runId, ['waiting', 'failed', 'dead']);
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(end.status).toBe('waiting');
      expect(end.steps[0]).toMatchObject({
        id: 'github:repo:create',
        status: 'succeeded',
        message: 'Created octocat/backoff-bot.',
        attempts: 1,
      });
      const creates = h.github.store.state.requestLog
        .slice(logStart)
        .filter((r) => r.method === 'POST' && r.path === '/user/repos');
      expect(creates.map((r) => r.status)).toEqual([500, 500, 201]);
    },
    scaledTimeout(60_000),
  );

  test(
    'a call GitHub holds far past the timeout is given up, retried, and the step completes',
    async () => {
      const { caller } = await h.signIn('octocat');
      // A hung connection: the emulator sits on the first read of the branch for a minute.
      await h.fault({
        method: 'GET',
        path: '/repos/octocat/hung-bot/git/ref/.*',
        holdMs: 60_000,
        drop: true,
        times: 1,
      });
      const started = Date.now();
      const { runId } = await start(caller, 'hung-bot');

      await expect
        .poll(async () => (await caller.setupRun.get({ runId })).steps[1]?.message, {
          timeout: scaledTimeout(10_000),
          interval: 100,
        })
        .toMatch(/^Retrying in 1 s: GitHub did not answer properly \(timed out after 1 s\)/);
      const end = await settleRun(caller, runId, ['waiting', 'failed', 'dead']);
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(end.status).toBe('waiting');
      expect(end.steps[1]).toMatchObject({
        id: 'github:files:commit',
        status: 'succeeded',
        attempts: 1,
      });
      // The first try is still held at the emulator: the step did not wait for it.
      expect(h.github.store.state.held).toHaveLength(1);
    },
    scaledTimeout(60_000),
  );

  test(
    'preflight answers a clear error when GitHub does not answer in time',
    async () => {
      const { caller } = await h.signIn('octocat');
      await h.fault({ method: 'GET', path: '/user', holdMs: 60_000, drop: true, times: 1 });
      const target = { owner: 'octocat', name: 'unchecked-bot', visibility: 'public' as const };
      const started = Date.now();
      await expect(caller.setupRun.preflight({ target, config })).rejects.toMatchObject({
        code: 'GATEWAY_TIMEOUT',
        message: expect.stringMatching(/^GitHub did not answer within 1 s .*try again/),
      });
      expect(Date.now() - started).toBeLessThan(5_000);
    },
    scaledTimeout(30_000),
  );
});
