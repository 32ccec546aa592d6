import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { defineConfig } from '@playwright/test';

// The production build: the API bundle serving the built SPA, as users get it, signing in
// through the local GitHub emulator (on its own port, so `pnpm dev`'s emulator on 4010 may run).
const port = Number(process.env.E2E_PORT ?? 4173);
const baseURL = `http://127.0.0.1:${port}`;
const githubPort = Number(process.env.E2E_GITHUB_PORT ?? 4011);
const githubURL = `http://127.0.0.1:${githubPort}`;

// One data directory per port, emptied at the start of each run. Workers load this file
// again; the environment variable tells them the main process has already prepared it.
if (!process.env.BOTSMITH_E2E_DATA_DIR) {
  const dataDir = join(tmpdir(), `botsmith-e2e-${port}`);
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  process.env.BOTSMITH_E2E_DATA_DIR = dataDir;
}

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  workers: process.env.CI ? 2 : undefined,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        viewport: { width: 1280, height: 900 },
        // Debian's Chromium: Playwright's own browser downloads are unavailable here.
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
      },
    },
  ],
  webServer: [
    {
      command: `node --import tsx ../../tools/github-emulator/src/main.ts --port ${githubPort}`,
      url: `${githubURL}/_emulator/state`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
      stdout: 'pipe',
      stderr: 'pipe',
    },
    {
      command: 'node ../api/dist/main.js',
      url: `${baseURL}/health`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
      stdout: 'pipe',
      stderr: 'pipe',
      env: {
        // Not "production": that mode demands real GitHub credentials and keys; this one
        // still serves the build.
        NODE_ENV: 'test',
        HOST: '127.0.0.1',
        PORT: String(port),
        PUBLIC_URL: baseURL,
        GITHUB_EMULATOR_URL: githubURL,
        DATA_DIR: process.env.BOTSMITH_E2E_DATA_DIR,
        WEB_DIST_DIR: resolve(import.meta.dirname, 'dist'),
        LOG_LEVEL: 'warn',
        // Parallel journeys sign in several times a minute from one address; the default
        // limit of 10 is covered by the API's tests.
        RATE_LIMIT_AUTH_PER_MINUTE: '100',
        // Lockfiles resolve against the npm registry; this cache outlives the data directory
        // (and is the CLI's), so each dependency set resolves once per machine.
        LOCKFILE_CACHE_DIR: join(tmpdir(), 'botsmith-lockfiles'),
      },
    },
  ],
});
