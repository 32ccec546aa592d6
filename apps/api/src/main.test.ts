import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scaledTimeout } from '@botsmith/test-kit';
import { afterAll, describe, expect, test } from 'vitest';
import { listeningUrl, startApiProcess } from './testing/api-process';

describe('main (the API process)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'botsmith-main-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  test(
    'migrates the embedded database, serves, and exits 0 on SIGTERM',
    async () => {
      const main = startApiProcess({
        PORT: '0',
        DATA_DIR: dataDir,
        LOG_LEVEL: 'info',
        WEB_DIST_DIR: join(dataDir, 'no-web'),
        TRUST_PROXY: 'true',
      });
      const url = await listeningUrl(main);
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
      expect(lines.some((line) => line.startsWith('TRUST_PROXY=true believes every'))).toBe(true);
      expect(lines).toContain(
        'GitHub OAuth credentials are not set: signing in uses the local GitHub emulator (development only)',
      );
      expect(lines).toContain(
        'ENCRYPTION_KEYS is not set: using a development key stored next to the data; never do this in production',
      );
      expect(lines.slice(-2)).toEqual(['shutting down', 'stopped']);
    },
    scaledTimeout(60_000),
  );

  test(
    'production refuses to start with the emulator or without real GitHub credentials',
    async () => {
      const bare = startApiProcess({ NODE_ENV: 'production', DATA_DIR: dataDir });
      expect(await bare.exited).toBe(1);
      for (const name of ['GITHUB_CLIENT_ID', 'ENCRYPTION_KEYS', 'PUBLIC_URL']) {
        expect(bare.output()).toContain(`  - ${name}: required in production`);
      }

      const emulated = startApiProcess({
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
    },
    scaledTimeout(30_000),
  );

  test(
    'refuses to start with a bad environment, naming each variable',
    async () => {
      const main = startApiProcess({ PORT: 'http', NODE_ENV: 'staging', DATA_DIR: dataDir });
      expect(await main.exited).toBe(1);
      expect(main.output()).toMatch(/Invalid environment:\n {2}- NODE_ENV: .*\n {2}- PORT: /);
    },
    scaledTimeout(30_000),
  );
});

describe('the runtime', () => {
  test('is the Node the workspace pins (the `node` devDependency), whatever the machine has', () => {
    const root = JSON.parse(
      readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'),
    ) as { devDependencies: Record<string, string> };
    expect(process.versions.node).toBe(root.devDependencies.node);
  });
});
