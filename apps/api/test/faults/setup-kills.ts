import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type DatabaseKind,
  postgresAdminUrl,
  probePostgres,
  withAdminClient,
} from '@botsmith/db/testing';
import {
  type GitHubEmulator,
  sealForPublicKey,
  startGitHubEmulator,
} from '@botsmith/github-emulator';
import { SETUP_STEP_IDS } from '@botsmith/shared';
import { scaledTimeout } from '@botsmith/test-kit';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { SetupSnapshot } from '../../src/setup/snapshot';
import { type ApiProcess, listeningUrl, startApiProcess } from '../../src/testing/api-process';
import { freePort } from '../../src/testing/auth-test-server';
import type { CookieJar } from '../../src/testing/cookie-jar';
import { signIn, trpc } from '../../src/testing/sign-in-flow';
import { TEST_KEY } from '../../src/testing/test-keys';
import { config, NAME, STEP_CALLS, type StepCall, variables } from './step-calls';

/**
 * The fault suite's setup half: one auto-setup, with the API process killed (SIGKILL) at
 * every step while GitHub holds that step's call — and GitHub then completing the call after
 * the caller died, the harder case for idempotency. Each restart must resume the run; in the
 * end there is one repository, one generated commit on its branch, every secret stored with
 * the value the browser sealed, one webhook, the protection, and the first run recorded once.
 */
export function describeSetupKills(kind: DatabaseKind): void {
  describe(`auto-setup survives the API being killed at every step [${kind}]`, async () => {
    if (kind === 'postgres') {
      const unavailable = await probePostgres();
      if (unavailable) {
        if (process.env.CI) throw new Error(`PostgreSQL is unreachable: ${unavailable}`);
        test.skip('PostgreSQL is unreachable', () => {});
        return;
      }
    }
    const dataDir = mkdtempSync(join(tmpdir(), 'botsmith-kills-'));
    const database = `botsmith_test_${randomBytes(6).toString('hex')}`;
    let github: GitHubEmulator;
    let env: Record<string, string>;
    let url: string;
    let api: ApiProcess | undefined;

    beforeAll(async () => {
      github = await startGitHubEmulator();
      github.store.state.settings.autoRuns = { conclusion: 'success', delayMs: 200 };
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
        await withAdminClient((client) => client.query(`create database ${database}`));
        const dbUrl = new URL(postgresAdminUrl());
        dbUrl.pathname = `/${database}`;
        env.DATABASE_URL = dbUrl.toString();
      }
    }, scaledTimeout(60_000));
    afterAll(async () => {
      if (api && api.child.exitCode === null) {
        api.child.kill('SIGKILL');
        await api.exited;
      }
      await github?.stop();
      rmSync(dataDir, { recursive: true, force: true });
      if (kind === 'postgres') {
        await withAdminClient((client) =>
          client.query(`drop database if exists ${database} with (force)`),
        );
      }
    });

    const start = async () => {
      api = startApiProcess(env);
      await listeningUrl(api);
      return api;
    };
    const snapshot = async (jar: CookieJar, runId: string): Promise<SetupSnapshot> => {
      const response = await trpc(url, 'setupRun.get', { jar, input: { runId } });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      return response.body.result.data.json;
    };
    const hold = async (point: StepCall) => {
      const response = await fetch(`${github.url}/_emulator/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...point, status: null, holdMs: 5 * 60_000 }),
      });
      expect(response.status).toBe(201);
    };
    const held = (point: StepCall) =>
      github.store.state.held.some(
        (request) =>
          request.method === point.method && new RegExp(`^${point.path}$`).test(request.path),
      );

    test(
      'one repo, one commit, every secret, one hook, protection, the first run — once each',
      async () => {
        let current = await start();
        const { jar } = await signIn(url, { login: 'octocat' });
        await hold(STEP_CALLS[0]);
        const started = await trpc(url, 'setupRun.start', {
          jar,
          mutation: true,
          input: {
            target: { owner: 'octocat', name: NAME, visibility: 'public' },
            config,
            plan: { branchProtection: true },
            variables,
          },
        });
        expect(started.status, JSON.stringify(started.body)).toBe(200);
        const { runId } = started.body.result.data.json as { runId: string };
        const sealedValues = new Map<string, string>();

        for (const [index, point] of STEP_CALLS.entries()) {
          if (point.method === 'PUT' && point.step === 'github:secrets:store') {
            // The run pauses for the browser, which seals the values with the repo's key.
            await expect
              .poll(async () => (await snapshot(jar, runId)).status, {
                timeout: scaledTimeout(60_000),
              })
              .toBe('waiting');
            const paused = await snapshot(jar, runId);
            expect(paused.secrets?.names.length).toBeGreaterThan(0);
            const secrets = (paused.secrets?.names ?? []).map((name) => {
              const value = `value-of-${name}-${randomBytes(4).toString('hex')}`;
              sealedValues.set(name, value);
              return { name, encryptedValue: sealForPublicKey(paused.secrets?.key ?? '', value) };
            });
            // It answers at once: storing them at GitHub is the worker's job, under its lease.
            const provided = await Promise.race([
              trpc(url, 'setupRun.provideSecrets', {
                jar,
                mutation: true,
                input: { runId, keyId: paused.secrets?.keyId, secrets },
              }),
              new Promise<never>((_, reject) =>
                setTimeout(() => reject(new Error('provideSecrets waited for GitHub')), 15_000),
              ),
            ]);
            expect(provided.status, JSON.stringify(provided.body)).toBe(200);
          }
          await expect
            .poll(() => held(point), { timeout: scaledTimeout(90_000), interval: 100 })
            .toBe(true);
          const step = (await snapshot(jar, runId)).steps.find((s) => s.id === point.step);
          expect(step?.status, `${point.method} ${point.path}`).toBe('running');

          current.child.kill('SIGKILL');
          await current.exited;
          // GitHub finishes what it was doing although nobody waits for the answer any more.
          await fetch(`${github.url}/_emulator/faults`, { method: 'DELETE' });
          const next = STEP_CALLS[index + 1];
          if (next) await hold(next);
          current = await start();
        }

        await expect
          .poll(async () => (await snapshot(jar, runId)).status, {
            timeout: scaledTimeout(90_000),
            interval: 250,
          })
          .toBe('succeeded');
        const done = await snapshot(jar, runId);
        expect(done.steps.map((s) => [s.id, s.status])).toEqual(
          SETUP_STEP_IDS.map((id) => [id, 'succeeded']),
        );
        expect(done.firstRun).toMatchObject({ status: 'completed', conclusion: 'success' });

        const log = github.store.state.requestLog;
        expect(log.filter((r) => r.path === '/user/repos' && r.status === 201)).toHaveLength(1);
        const repo = github.store.snapshot('octocat', NAME);
        // The initial commit and the generated one: nothing committed twice on the branch.
        expect(repo?.commits).toHaveLength(2);
        // With the lockfile resolved once (checkpointed) although the process died meanwhile.
        expect(Object.keys(repo?.files ?? {})).toContain('package-lock.json');
        for (const [name, value] of sealedValues) {
          expect(github.store.environmentSecret('octocat', NAME, 'production', name), name).toBe(
            value,
          );
        }
        const state = github.store.repo('octocat', NAME);
        expect(state?.hooks.size).toBe(1);
        expect(state?.branchProtection.size).toBe(1);

        const deployments = await trpc(url, 'deployment.list', {
          jar,
          input: { projectId: done.projectId },
        });
        const items = deployments.body.result.data.json.items as {
          source: string;
          externalId: string;
        }[];
        expect(items.length).toBeGreaterThan(0);
        const keys = items.map((item) => `${item.source}:${item.externalId}`);
        expect(new Set(keys).size).toBe(keys.length);
        expect(current.output()).toContain('resuming a setup run whose worker stopped');
      },
      scaledTimeout(600_000),
    );
  });
}
