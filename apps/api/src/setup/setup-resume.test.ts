import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DATABASE_KINDS, postgresAdminUrl, probePostgres } from '@botsmith/db/testing';
import { type GitHubEmulator, startGitHubEmulator } from '@botsmith/github-emulator';
import { buildConfigSchema } from '@botsmith/shared';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { listeningUrl, startApiProcess } from '../testing/api-process';
import { freePort } from '../testing/auth-test-server';
import type { CookieJar } from '../testing/cookie-jar';
import { signIn, trpc } from '../testing/sign-in-flow';
import { TEST_KEY } from '../testing/test-keys';
import type { SetupSnapshot } from './snapshot';

const config = buildConfigSchema.parse({ project: { name: 'phoenix-bot' } });

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: postgresAdminUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

for (const kind of DATABASE_KINDS) {
  describe(`setup resumes after the API process is killed [${kind}]`, async () => {
    if (kind === 'postgres' && (await probePostgres())) {
      test.skip('PostgreSQL is unreachable', () => {});
      return;
    }
    const dataDir = mkdtempSync(join(tmpdir(), 'botsmith-resume-'));
    const database = `botsmith_test_${randomBytes(6).toString('hex')}`;
    let github: GitHubEmulator;
    let env: Record<string, string>;
    let url: string;
    beforeAll(async () => {
      github = await startGitHubEmulator();
      await fetch(`${github.url}/_emulator/settings`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ autoRuns: { conclusion: 'success' } }),
      });
      const port = await freePort();
      url = `http://127.0.0.1:${port}`;
      env = {
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        LOG_LEVEL: 'info',
        WEB_DIST_DIR: join(dataDir, 'no-web'),
        PUBLIC_URL: url,
        GITHUB_EMULATOR_URL: github.url,
        ENCRYPTION_KEYS: `${TEST_KEY.id}:${TEST_KEY.key.toString('base64')}`,
      };
      if (kind === 'postgres') {
        await withAdmin((client) => client.query(`create database ${database}`));
        const dbUrl = new URL(postgresAdminUrl());
        dbUrl.pathname = `/${database}`;
        env.DATABASE_URL = dbUrl.toString();
      }
    }, 60_000);
    afterAll(async () => {
      await github?.stop();
      rmSync(dataDir, { recursive: true, force: true });
      if (kind === 'postgres') {
        await withAdmin((client) =>
          client.query(`drop database if exists ${database} with (force)`),
        );
      }
    });

    const snapshot = async (jar: CookieJar, runId: string): Promise<SetupSnapshot> => {
      const response = await trpc(url, 'setup.get', { jar, input: { runId } });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      return response.body.result.data.json;
    };

    test('killed with SIGKILL while GitHub fails the commit, restarted: one repo, one commit, done', async () => {
      const first = startApiProcess(env);
      await listeningUrl(first);
      const { jar } = await signIn(url, { login: 'octocat' });
      // The commit keeps failing, so the run is caught mid-step when the process dies.
      await fetch(`${github.url}/_emulator/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          method: 'POST',
          path: '/repos/octocat/phoenix-bot/git/commits',
          status: 502,
          times: 10_000,
        }),
      });
      const started = await trpc(url, 'setup.start', {
        jar,
        mutation: true,
        input: {
          target: { owner: 'octocat', name: 'phoenix-bot', visibility: 'public' },
          config,
          plan: { branchProtection: true },
        },
      });
      expect(started.status, JSON.stringify(started.body)).toBe(200);
      const { runId } = started.body.result.data.json as { runId: string };
      await expect
        .poll(
          async () => {
            const s = await snapshot(jar, runId);
            return (
              s.steps.find((step) => step.name === 'create_repo')?.status === 'succeeded' &&
              github.store.state.requestLog.some(
                (r) => r.faulted && r.path.endsWith('/git/commits'),
              )
            );
          },
          { timeout: 30_000, interval: 100 },
        )
        .toBe(true);

      first.child.kill('SIGKILL');
      await first.exited;
      await fetch(`${github.url}/_emulator/faults`, { method: 'DELETE' });

      const second = startApiProcess(env);
      try {
        await listeningUrl(second);
        const restarted = Date.now();
        await expect
          .poll(async () => (await snapshot(jar, runId)).status, { timeout: 40_000, interval: 250 })
          .toBe('waiting');
        // Resumed within seconds: the lease of the killed worker expires, the sweep re-enqueues.
        expect(Date.now() - restarted).toBeLessThan(30_000);
        const paused = await snapshot(jar, runId);
        const skip = await trpc(url, 'setup.provideSecrets', {
          jar,
          mutation: true,
          input: { runId, keyId: paused.secrets?.keyId ?? 'none', secrets: [] },
        });
        expect(skip.status, JSON.stringify(skip.body)).toBe(200);
        await expect
          .poll(async () => (await snapshot(jar, runId)).status, { timeout: 40_000, interval: 250 })
          .toBe('succeeded');
        const done = await snapshot(jar, runId);
        expect(done.firstRun).toMatchObject({ conclusion: 'success' });

        const log = github.store.state.requestLog;
        const created = log.filter(
          (r) => r.method === 'POST' && r.path === '/user/repos' && r.status === 201,
        );
        expect(created).toHaveLength(1);
        const commits = log.filter(
          (r) =>
            r.method === 'POST' &&
            r.path === '/repos/octocat/phoenix-bot/git/commits' &&
            r.status === 201,
        );
        expect(commits).toHaveLength(1);
        const repo = github.store.snapshot('octocat', 'phoenix-bot');
        expect(repo?.commits).toHaveLength(2);
        expect(github.store.repo('octocat', 'phoenix-bot')?.hooks.size).toBe(1);
        expect(second.output()).toContain('resuming a setup run whose worker stopped');
      } finally {
        second.child.kill('SIGTERM');
        await second.exited;
      }
    }, 150_000);
  });
}
