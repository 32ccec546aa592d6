import type { Db } from '@botsmith/db';
import { pino } from 'pino';
import { createLogger } from '../http/logger';
import { type BotsmithServer, createServer, type ServerConfig } from '../server';
import { appRouter } from '../trpc/app-router';
import { createContextFactory } from '../trpc/context';
import { createCallerFactory } from '../trpc/init';

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
  overrides: Partial<ServerConfig> = {},
): { server: BotsmithServer; logs: CapturedLogs } {
  const raw: string[] = [];
  const logger = createLogger('info', { write: (line: string) => raw.push(line) });
  const server = createServer({
    db,
    logger,
    host: '127.0.0.1',
    port: 0,
    nodeEnv: 'test',
    webDistDir: null,
    ...overrides,
  });
  const logs: CapturedLogs = {
    get lines() {
      return raw.map((line) => JSON.parse(line) as Record<string, unknown>);
    },
    text: () => raw.join(''),
  };
  return { server, logs };
}

/** A server-side caller for the whole router, on a context built without a request. */
export function createTestCaller(db: Db) {
  const createContext = createContextFactory({
    db,
    log: pino({ level: 'silent' }),
    exposeErrorDetails: false,
  });
  return createCallerFactory(appRouter)(createContext());
}
