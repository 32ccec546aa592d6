import { describeEachDatabase } from '@botsmith/db/testing';
import { buildConfigSchema } from '@botsmith/shared';
import { scaledTimeout } from '@botsmith/test-kit';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type SetupHarness, startSetupHarness } from '../testing/setup-harness';
import { TransientGitHubError } from './github-retry';
import { runSetup } from './run-setup';

const config = buildConfigSchema.parse({ project: { name: 'dead-bot' } });

describeEachDatabase('a setup run GitHub keeps failing', (t) => {
  let h: SetupHarness;
  beforeAll(async () => {
    // No worker: this suite drives `runSetup` itself, attempt by attempt.
    h = await startSetupHarness(t.db, { withWorker: false });
  }, scaledTimeout(60_000));
  afterAll(() => h.stop());

  test(
    'is retried by the queue while attempts remain, then goes dead; retry revives it',
    async () => {
      const { caller } = await h.signIn('octocat');
      await h.fault({ method: 'POST', path: '/user/repos', status: 503, times: 100 });
      const target = { owner: 'octocat', name: 'dead-bot', visibility: 'public' as const };
      const { runId } = await caller.setupRun.start({
        target,
        config,
        plan: { branchProtection: false },
      });
      const deps = h.runDeps;

      await expect(runSetup(deps, runId, { isLastAttempt: false })).rejects.toBeInstanceOf(
        TransientGitHubError,
      );
      const retrying = await caller.setupRun.get({ runId });
      expect(retrying.status).toBe('queued');
      expect(retrying.steps[0]).toMatchObject({
        id: 'github:repo:create',
        status: 'pending',
        attempts: 1,
      });
      expect(retrying.steps[0]?.message).toMatch(/^Retrying: GitHub did not answer properly \(503/);

      await expect(runSetup(deps, runId, { isLastAttempt: true })).rejects.toBeInstanceOf(
        TransientGitHubError,
      );
      const dead = await caller.setupRun.get({ runId });
      expect(dead.status).toBe('dead');
      expect(dead.steps[0]).toMatchObject({ status: 'failed', attempts: 2 });
      // A dead run is not picked up again by a stray job.
      expect(await runSetup(deps, runId, { isLastAttempt: false })).toBe('not_runnable');

      await h.clearFaults();
      await caller.setupRun.retry({ runId });
      expect(await runSetup(deps, runId, { isLastAttempt: false })).toBe('waiting');
      const resumed = await caller.setupRun.get({ runId });
      expect(resumed.steps[0]).toMatchObject({ status: 'succeeded', attempts: 3 });
      expect(resumed.repo?.fullName).toBe('octocat/dead-bot');
    },
    scaledTimeout(60_000),
  );

  test(
    'a run whose owner no longer has GitHub access fails for good, saying to sign in again',
    async () => {
      const { caller, user } = await h.signIn('octocat');
      const target = { owner: 'octocat', name: 'tokenless-bot', visibility: 'public' as const };
      const { runId } = await caller.setupRun.start({
        target,
        config: buildConfigSchema.parse({ project: { name: 'tokenless-bot' } }),
        plan: { branchProtection: false },
      });
      await t.db.deleteFrom('oauthTokens').where('userId', '=', user.id).execute();

      expect(await runSetup(h.runDeps, runId, { isLastAttempt: false })).toBe('failed');
      const failed = await caller.setupRun.get({ runId });
      expect(failed.status).toBe('failed');
      expect(failed.error).toMatch(/no usable GitHub token for you: sign in again/);
      expect(
        [...h.github.store.state.repos.keys()].some((key) => key.includes('tokenless-bot')),
      ).toBe(false);
    },
    scaledTimeout(60_000),
  );

  test(
    'a run whose project row holds a schema-version-1 config generates from its upgrade',
    async () => {
      const { caller } = await h.signIn('octocat');
      const target = { owner: 'octocat', name: 'old-bot', visibility: 'public' as const };
      const current = buildConfigSchema.parse({ project: { name: 'old-bot' } });
      const { runId, projectId } = await caller.setupRun.start({
        target,
        config: current,
        plan: { branchProtection: false },
      });
      // As a row written before version 2: Node 20, and configSchemaVersion 1.
      const stored = {
        ...current,
        schemaVersion: 1,
        runtime: { ...current.runtime, nodeVersion: '20' },
      };
      await t.db
        .updateTable('projects')
        .set({ config: JSON.stringify(stored), configSchemaVersion: 1 })
        .where('id', '=', projectId)
        .execute();

      expect(await runSetup(h.runDeps, runId, { isLastAttempt: false })).toBe('waiting');
      const response = await fetch(`${h.github.url}/_emulator/repos/octocat/old-bot/files`);
      const { files } = (await response.json()) as { files: Record<string, string> };
      expect(files.Dockerfile).toContain('FROM node:22-slim');
      expect(JSON.parse(files['.botsmith.json'] ?? '{}').config).toMatchObject({
        schemaVersion: 2,
        runtime: { nodeVersion: '22' },
      });
    },
    scaledTimeout(60_000),
  );

  test(
    'two workers never run one setup at once: the second finds it leased',
    async () => {
      const { caller } = await h.signIn('octocat');
      await h.fault({ method: 'POST', path: '/user/repos', status: 502, times: 2 });
      const target = { owner: 'octocat', name: 'busy-bot', visibility: 'public' as const };
      const { runId } = await caller.setupRun.start({
        target,
        config,
        plan: { branchProtection: false },
      });
      const deps = h.runDeps;
      const [a, b] = await Promise.all([
        runSetup(deps, runId, { isLastAttempt: false }),
        runSetup(deps, runId, { isLastAttempt: false }),
      ]);
      expect([a, b].sort()).toEqual(['busy', 'waiting']);
      expect(
        [...h.github.store.state.repos.values()].filter((r) => r.name === 'busy-bot'),
      ).toHaveLength(1);
    },
    scaledTimeout(60_000),
  );
});
