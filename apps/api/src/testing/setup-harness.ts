import type { Db, User } from '@botsmith/db';
import { upsertGitHubUser } from '@botsmith/db';
import { describeEachDatabase } from '@botsmith/db/testing';
import { type GitHubEmulator, startGitHubEmulator } from '@botsmith/github-emulator';
import { scaledTimeout } from '@botsmith/test-kit';
import { pino } from 'pino';
import { afterAll, beforeAll, expect } from 'vitest';
import type { RequestAuth } from '../auth/request-auth';
import type { GitHubConfig } from '../github/github-config';
import { storeGitHubToken } from '../github/github-token-store';
import { type JobQueue, startJobQueue } from '../jobs/job-queue';
import type { RunSetupDeps } from '../setup/prepare-run';
import type { SetupTimings } from '../setup/setup-timings';
import { createSetupWorker } from '../setup/setup-worker';
import { testCipher } from './test-keys';
import { fakeLockfiles } from './test-lockfiles';
import { createTestCaller } from './test-server';

/** What sign-in asks GitHub for (SPEC §6). */
export const SIGN_IN_SCOPES = ['read:user', 'user:email', 'repo', 'workflow', 'admin:repo_hook'];

/** Fast timings so failing and retrying steps take milliseconds, not minutes. */
export const FAST_SETUP_TIMINGS: SetupTimings = {
  leaseTtlMs: 3_000,
  sweepIntervalMs: 500,
  tries: 3,
  retryBaseDelayMs: 50,
  maxRetryDelayMs: 1_000,
  firstRunTimeoutMs: 20_000,
  firstRunPollMs: 100,
};

/** Nobody listens here: hook pings fail fast, which GitHub tolerates. */
export const TEST_PUBLIC_URL = 'http://127.0.0.1:9';

/** A fault the emulator injects; see tools/github-emulator's README (control API). */
export interface EmulatorFault {
  method?: string;
  path: string;
  /** `null` with `holdMs`: answer normally, only late. */
  status?: number | null;
  headers?: Record<string, string>;
  times?: number;
  holdMs?: number;
  drop?: boolean;
}

/** The emulator, a job queue with the setup worker, and helpers to sign users in. */
export interface SetupHarness {
  github: GitHubEmulator;
  githubConfig: GitHubConfig;
  queue: JobQueue;
  /** Stores `login` (a seeded emulator user) with a fresh token of `scopes`; returns a caller. */
  signIn(
    login: string,
    scopes?: string[],
  ): Promise<{ user: User; caller: ReturnType<typeof createTestCaller>; token: string }>;
  /** What `runSetup` needs, for suites that drive runs without the worker. */
  runDeps: RunSetupDeps;
  /**
   * Makes the emulator misbehave on matching requests (`POST /_emulator/faults`): answer
   * `status` (with `headers`), hold the request `holdMs` first, or drop the connection.
   */
  fault(spec: EmulatorFault): Promise<void>;
  clearFaults(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts what a setup needs around a test database: the GitHub emulator (over real HTTP) and
 * the job queue running the real setup worker.
 *
 * @example const h = await startSetupHarness(t.db); const { caller } = await h.signIn('octocat');
 */
export async function startSetupHarness(
  db: Db,
  options: {
    withWorker?: boolean;
    timings?: Partial<SetupTimings>;
    /** GitHubConfig.requestTimeoutMs; short, so a held request times out fast. */
    requestTimeoutMs?: number;
  } = {},
): Promise<SetupHarness> {
  const timings = { ...FAST_SETUP_TIMINGS, ...options.timings };
  const github = await startGitHubEmulator();
  const githubConfig: GitHubConfig = {
    webUrl: github.url,
    apiUrl: github.url,
    clientId: 'botsmith-dev-client',
    clientSecret: 'botsmith-dev-secret',
    emulator: true,
    requestTimeoutMs: options.requestTimeoutMs ?? 10_000,
  };
  const queue = await startJobQueue(db, { pollingIntervalSeconds: 0.5 });
  const runDeps: RunSetupDeps = {
    db,
    cipher: testCipher(),
    github: githubConfig,
    publicUrl: TEST_PUBLIC_URL,
    log: pino({ level: 'silent' }),
    timings,
    addLockfile: fakeLockfiles(),
  };
  const { cipher } = runDeps;
  if (options.withWorker ?? true) {
    await createSetupWorker(timings)({ ...runDeps, queue });
  }
  const control = async (method: 'POST' | 'DELETE', body?: unknown) => {
    const response = await fetch(`${github.url}/_emulator/faults`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`the emulator refused the fault: ${response.status}`);
  };
  return {
    github,
    githubConfig,
    queue,
    runDeps,
    fault: (spec) => control('POST', spec),
    clearFaults: () => control('DELETE'),
    async signIn(login, scopes = SIGN_IN_SCOPES) {
      const account = github.store.state.users.get(login.toLowerCase());
      if (!account) throw new Error(`the emulator has no user ${login}`);
      const user = await upsertGitHubUser(db, {
        githubId: account.id,
        login: account.login,
        name: account.name,
        avatarUrl: null,
        email: account.email,
      });
      const token = github.store.mintToken(login, scopes, 'botsmith-dev-client').token;
      await storeGitHubToken(db, cipher, user.id, { accessToken: token, scopes });
      const auth: RequestAuth = { kind: 'api_token', user, tokenId: 'test' };
      const caller = createTestCaller(db, auth, {
        queue,
        github: githubConfig,
        cipher,
        publicUrl: TEST_PUBLIC_URL,
      });
      return { user, caller, token };
    },
    async stop() {
      await queue.stop();
      await github.stop();
    },
  };
}

/** A signed-in caller of the harness. */
export type HarnessCaller = Awaited<ReturnType<SetupHarness['signIn']>>['caller'];

/**
 * Waits until the run's status is one of `statuses` (failing the test after `timeoutMs`) and
 * returns its snapshot.
 *
 * @example const done = await settleRun(caller, runId, ['succeeded', 'failed', 'dead']);
 */
export async function settleRun(
  caller: HarnessCaller,
  runId: string,
  statuses: readonly string[],
  timeoutMs = 30_000,
) {
  await expect
    .poll(async () => (await caller.setupRun.get({ runId })).status, {
      timeout: scaledTimeout(timeoutMs),
      interval: 100,
    })
    .toSatisfy((status: string) => statuses.includes(status));
  return caller.setupRun.get({ runId });
}

/** What a suite of {@link describeWithSetupHarness} reads; valid inside its hooks and tests. */
export interface SetupSuite {
  readonly h: SetupHarness;
  readonly db: Db;
}

/**
 * A suite on each database with one setup harness, started before its tests and stopped after
 * them. Without a worker by default: step suites drive the steps themselves.
 */
export function describeWithSetupHarness(
  title: string,
  body: (suite: SetupSuite) => void,
  options: { withWorker?: boolean } = {},
): void {
  describeEachDatabase(title, (t) => {
    let harness: SetupHarness | undefined;
    beforeAll(async () => {
      harness = await startSetupHarness(t.db, { withWorker: options.withWorker ?? false });
    }, scaledTimeout(60_000));
    afterAll(() => harness?.stop());
    body({
      get h() {
        if (!harness) throw new Error('The setup harness starts before the suite’s tests.');
        return harness;
      },
      get db() {
        return t.db;
      },
    });
  });
}
