import type { Db } from '@botsmith/db';
import { pino } from 'pino';
import type { RequestAuth } from '../auth/request-auth';
import type { RateLimits } from '../env';
import type { GitHubConfig } from '../github/github-config';
import { createLogger } from '../http/logger';
import { type BotsmithServer, createServer, type ServerOptions } from '../server';
import type { Services } from '../services';
import { appRouter } from '../trpc/app-router';
import { type ContextDeps, createContextFactory } from '../trpc/context';
import { createCallerFactory } from '../trpc/init';
import { testCipher } from './test-keys';
import { fakeLockfiles } from './test-lockfiles';

/** Generous limits so suites that are not about rate limiting never hit them. */
export const TEST_RATE_LIMITS: RateLimits = { auth: 1000, api: 10_000, webhook: 10_000 };

/** A GitHub nobody answers at: tests that need one start the emulator and pass its URL. */
export const UNREACHABLE_GITHUB: GitHubConfig = {
  webUrl: 'http://127.0.0.1:9',
  apiUrl: 'http://127.0.0.1:9',
  clientId: 'test-client',
  clientSecret: 'test-client-secret',
  emulator: true,
  requestTimeoutMs: 10_000,
};

/** Log lines a test server wrote, parsed from JSON. */
export interface CapturedLogs {
  lines: Record<string, unknown>[];
  /** Everything written, raw, for "this secret never appears" assertions. */
  text(): string;
}

/** What a test may set on a test server: any service but the database and logger, any option. */
export type TestServerOverrides = Partial<Omit<Services, 'db' | 'log'> & ServerOptions> & {
  logLevel?: string;
};

/**
 * A server on an ephemeral port whose logs go to memory instead of stdout.
 *
 * @example const { server, logs } = createTestServer(t.db); await server.app.inject('/health');
 */
export function createTestServer(
  db: Db,
  overrides: TestServerOverrides = {},
): { server: BotsmithServer; logs: CapturedLogs } {
  const raw: string[] = [];
  const {
    logLevel = 'info',
    cipher,
    github,
    queue,
    publicUrl,
    addLockfile,
    ...options
  } = overrides;
  const log = createLogger(logLevel, { write: (line: string) => raw.push(line) });
  const services: Services = {
    db,
    log,
    cipher: cipher ?? testCipher(),
    github: github ?? UNREACHABLE_GITHUB,
    queue: queue ?? null,
    publicUrl: new URL(publicUrl ?? 'http://127.0.0.1:3000').origin,
    addLockfile: addLockfile ?? fakeLockfiles(),
  };
  const server = createServer(services, {
    host: '127.0.0.1',
    port: 0,
    nodeEnv: 'test',
    webDistDir: null,
    rateLimits: TEST_RATE_LIMITS,
    ...options,
  });
  const logs: CapturedLogs = {
    get lines() {
      return raw.map((line) => JSON.parse(line) as Record<string, unknown>);
    },
    text: () => raw.join(''),
  };
  return { server, logs };
}

/**
 * A procedure context built without a request; pass `auth` to act as a signed-in user, and
 * `deps` for a queue or a reachable GitHub.
 */
export function createTestContext(
  db: Db,
  auth: RequestAuth | null = null,
  deps: Partial<
    Pick<ContextDeps, 'queue' | 'github' | 'cipher' | 'publicUrl' | 'addLockfile'>
  > = {},
) {
  const createContext = createContextFactory({
    db,
    log: pino({ level: 'silent' }),
    exposeErrorDetails: false,
    cookies: { secure: false },
    queue: null,
    cipher: testCipher(),
    github: UNREACHABLE_GITHUB,
    publicUrl: 'http://127.0.0.1:3000',
    addLockfile: fakeLockfiles(),
    ...deps,
  });
  return createContext({ auth });
}

/** A server-side caller for the whole router on `createTestContext(db, auth, deps)`. */
export function createTestCaller(...args: Parameters<typeof createTestContext>) {
  return createCallerFactory(appRouter)(createTestContext(...args));
}
