import { createServer as createNetServer } from 'node:net';
import type { Db } from '@botsmith/db';
import { type GitHubEmulator, startGitHubEmulator } from '@botsmith/github-emulator';
import type { GitHubConfig } from '../github/github-config';
import type { BotsmithServer } from '../server';
import { type CapturedLogs, createTestServer, type TestServerOverrides } from './test-server';

/** A Botsmith server on a real port whose GitHub is a fresh emulator. */
export interface AuthTestServer {
  server: BotsmithServer;
  /** The server's origin, also its PUBLIC_URL. */
  url: string;
  github: GitHubEmulator;
  githubConfig: GitHubConfig;
  logs: CapturedLogs;
  stop(): Promise<void>;
}

/** A port nobody listens on right now (the server needs it before it starts, for PUBLIC_URL). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(),
      );
    });
  });
}

/**
 * Starts the GitHub emulator and a server pointed at it, PUBLIC_URL = the server's own
 * origin, as `pnpm dev` and the Playwright setup do.
 *
 * @example const t = await startAuthTestServer(db); … await t.stop();
 */
export async function startAuthTestServer(
  db: Db,
  overrides: TestServerOverrides & { githubRequestTimeoutMs?: number } = {},
): Promise<AuthTestServer> {
  const { githubRequestTimeoutMs = 10_000, ...serverOverrides } = overrides;
  const github = await startGitHubEmulator();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const githubConfig: GitHubConfig = {
    webUrl: github.url,
    apiUrl: github.url,
    clientId: 'botsmith-dev-client',
    clientSecret: 'botsmith-dev-secret',
    emulator: true,
    requestTimeoutMs: githubRequestTimeoutMs,
  };
  const { server, logs } = createTestServer(db, {
    port,
    publicUrl: url,
    github: githubConfig,
    ...serverOverrides,
  });
  await server.start();
  return {
    server,
    url,
    github,
    githubConfig,
    logs,
    async stop() {
      await server.stop();
      await github.stop();
    },
  };
}
