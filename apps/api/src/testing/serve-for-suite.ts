import type { TestDatabase } from '@botsmith/db/testing';
import { afterAll, beforeAll } from 'vitest';
import type { BotsmithServer } from '../server';
import { createTestServer } from './test-server';

/** The server a suite reaches over a real socket; read it inside tests and hooks. */
export interface SuiteServer {
  readonly server: BotsmithServer;
  /** The server's origin, e.g. `http://127.0.0.1:43127`. */
  readonly url: string;
}

/**
 * A test server on a real socket for the enclosing suite, on `t`'s database: started before
 * its tests (call it before hooks that need the server) and stopped after them.
 *
 * @example const api = serveForSuite(t); test('…', () => fetch(`${api.url}/health`));
 */
export function serveForSuite(t: TestDatabase): SuiteServer {
  let server: BotsmithServer | undefined;
  let url: string | undefined;
  beforeAll(async () => {
    ({ server } = createTestServer(t.db));
    url = await server.start();
  });
  afterAll(() => server?.stop());
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the suite server starts in beforeAll');
    return value;
  };
  return {
    get server() {
      return started(server);
    },
    get url() {
      return started(url);
    },
  };
}
