import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';

const API_DIR = fileURLToPath(new URL('..', import.meta.url));

/** Runs src/main.ts in a child process, as `pnpm dev` would (minus the watcher). */
function startMain(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: API_DIR,
    env: { PATH: process.env.PATH ?? '', ...env },
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

function listeningUrl(read: () => string, child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      const match = /Server listening at (http:\/\/[^"\s]+)/.exec(read());
      if (match?.[1]) {
        clearInterval(timer);
        resolve(match[1]);
      } else if (child.exitCode !== null) {
        clearInterval(timer);
        reject(new Error(`main exited early:\n${read()}`));
      }
    }, 50);
  });
}

describe('main (the API process)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'botsmith-main-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  test('migrates the embedded database, serves, and exits 0 on SIGTERM', async () => {
    const main = startMain({
      PORT: '0',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      WEB_DIST_DIR: join(dataDir, 'no-web'),
    });
    const url = await listeningUrl(main.output, main.child);
    const ready = await fetch(`${url}/ready`);
    expect(ready.status).toBe(200);

    main.child.kill('SIGTERM');
    expect(await main.exited).toBe(0);
    const lines = main
      .output()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line).msg);
    expect(lines).toContain('DATABASE_URL is not set: using the embedded PGlite database');
    expect(lines).toContain('no built SPA found: serving the API only');
    expect(lines).toContain(
      'GitHub OAuth credentials are not set: signing in uses the local GitHub emulator (development only)',
    );
    expect(lines).toContain(
      'ENCRYPTION_KEYS is not set: using a development key stored next to the data; never do this in production',
    );
    expect(lines.slice(-2)).toEqual(['shutting down', 'stopped']);
  }, 60_000);

  test('production refuses to start with the emulator or without real GitHub credentials', async () => {
    const bare = startMain({ NODE_ENV: 'production', DATA_DIR: dataDir });
    expect(await bare.exited).toBe(1);
    for (const name of ['GITHUB_CLIENT_ID', 'ENCRYPTION_KEYS', 'PUBLIC_URL']) {
      expect(bare.output()).toContain(`  - ${name}: required in production`);
    }

    const emulated = startMain({
      NODE_ENV: 'production',
      DATA_DIR: dataDir,
      GITHUB_EMULATOR_URL: 'http://127.0.0.1:4010',
      GITHUB_CLIENT_ID: 'botsmith-dev-client',
      GITHUB_CLIENT_SECRET: 'botsmith-dev-secret',
      PUBLIC_URL: 'https://botsmith.example.com',
      ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 9).toString('base64')}`,
    });
    expect(await emulated.exited).toBe(1);
    expect(emulated.output()).toMatch(
      /GITHUB_EMULATOR_URL: the GitHub emulator is for development/,
    );
    expect(emulated.output()).toMatch(/GITHUB_CLIENT_ID: is the GitHub emulator’s client/);
    expect(emulated.output()).not.toContain('botsmith-dev-secret');
  }, 30_000);

  test('refuses to start with a bad environment, naming each variable', async () => {
    const main = startMain({ PORT: 'http', NODE_ENV: 'staging', DATA_DIR: dataDir });
    expect(await main.exited).toBe(1);
    expect(main.output()).toMatch(/Invalid environment:\n {2}- NODE_ENV: .*\n {2}- PORT: /);
  }, 30_000);
});
