import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { SHARED_LOCKFILE_CACHE_DIR } from '@botsmith/generators/lockfile';
import { scaledTimeout } from '@botsmith/test-kit';

const API_DIR = fileURLToPath(new URL('../..', import.meta.url));

/** The API as its own process, with what it printed so far. */
export interface ApiProcess {
  child: ChildProcess;
  /** Resolves to the exit code (`null` when a signal ended it). */
  exited: Promise<number | null>;
  output(): string;
}

/**
 * What the package manager needs to reach the registry when the API resolves a lockfile: its
 * cache under `HOME`, and the CA of a TLS-inspecting proxy where the machine has one.
 */
const REGISTRY_ACCESS = [
  'HOME',
  'NODE_EXTRA_CA_CERTS',
  'SSL_CERT_FILE',
  'HTTPS_PROXY',
  'https_proxy',
];

/**
 * Runs `src/main.ts` in a child process, as `pnpm dev` does (minus the watcher), with only
 * `PATH`, registry access, the machine's shared lockfile cache and `env` in its environment.
 */
export function startApiProcess(env: Record<string, string>): ApiProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: API_DIR,
    env: {
      PATH: process.env.PATH ?? '',
      ...Object.fromEntries(
        REGISTRY_ACCESS.flatMap((name) => {
          const value = process.env[name];
          return value === undefined ? [] : [[name, value]];
        }),
      ),
      LOCKFILE_CACHE_DIR: SHARED_LOCKFILE_CACHE_DIR,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { child, exited, output: () => output };
}

/** The URL the process listens at, once it logged it; rejects if it exits first or times out. */
export async function listeningUrl(api: ApiProcess, timeoutMs = 60_000): Promise<string> {
  const deadline = Date.now() + scaledTimeout(timeoutMs);
  for (;;) {
    const match = /Server listening at (http:\/\/[^"\s]+)/.exec(api.output());
    if (match?.[1]) return match[1];
    if (api.child.exitCode !== null || Date.now() > deadline) {
      throw new Error(`the API did not start:\n${api.output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
