import type { Db } from '@botsmith/db';
import { pino } from 'pino';
import type { RequestAuth } from '../auth/request-auth';
import type { RateLimits } from '../env';
import type { GitHubConfig } from '../github/github-config';
import { createLogger } from '../http/logger';
import { type BotsmithServer, createServer, type ServerConfig } from '../server';
import { appRouter } from '../trpc/app-router';
import { type ContextDeps, createContextFactory } from '../trpc/context';
import { createCallerFactory } from '../trpc/init';
import { testCipher } from './test-keys';

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

/**
 * A server on an ephemeral port whose logs go to memory instead of stdout.
 *
 * @example const { server, logs } = createTestServer(t.db); await server.app.inject('/health');
 */
export function createTestServer(
  db: Db,
  overrides: Partial<ServerConfig> & { logLevel?: string } = {},
): { server: BotsmithServer; logs: CapturedLogs } {
  const raw: string[] = [];
  const { logLevel = 'info', ...config } = overrides;
  const logger = createLogger(logLevel, { write: (line: string) => raw.push(line) });
  const server = createServer({
    db,
    logger,
    host: '127.0.0.1',
    port: 0,
    nodeEnv: 'test',
    webDistDir: null,
    publicUrl: 'http://127.0.0.1:3000',
    github: UNREACHABLE_GITHUB,
    cipher: testCipher(),
    rateLimits: TEST_RATE_LIMITS,
    ...config,
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
 * A server-side caller for the whole router, on a context built without a request; pass
 * `auth` to call as a signed-in user, and `deps` for a queue or a reachable GitHub.
 */
export function createTestCaller(
  db: Db,
  auth: RequestAuth | null = null,
  deps: Partial<Pick<ContextDeps, 'queue' | 'github' | 'cipher' | 'publicUrl'>> = {},
) {
  const createContext = createContextFactory({
    db,
    log: pino({ level: 'silent' }),
    exposeErrorDetails: false,
    cookies: { secure: false },
    signIn: { emulator: true, githubUrl: (deps.github ?? UNREACHABLE_GITHUB).webUrl },
    queue: null,
    cipher: testCipher(),
    github: UNREACHABLE_GITHUB,
    publicUrl: 'http://127.0.0.1:3000',
    ...deps,
  });
  return createCallerFactory(appRouter)(createContext({ auth }));
}
