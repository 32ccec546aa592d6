import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateFrom } from './helpers';
import { type RunResult, run } from './run';

// Installs the default Discord project from the npm registry and runs its own checks, the
// way a user would. npm's cache is shared (npm_config_cache when set) so reruns are fast.
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const MINUTES = 60_000;

/** The environment without what pnpm injects for the workspace, so npm behaves as for a user. */
function userEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    const lower = key.toLowerCase();
    const fromWorkspace =
      (lower.startsWith('npm_') &&
        lower !== 'npm_config_cache' &&
        lower !== 'npm_config_registry') ||
      lower.startsWith('pnpm_') ||
      key === 'NODE_OPTIONS' ||
      key === 'FORCE_COLOR' ||
      key === 'VITEST' ||
      key.startsWith('VITEST_');
    if (!fromWorkspace) env[key] = value;
  }
  return { ...env, CI: 'true', NODE_ENV: 'test', NO_COLOR: '1' };
}

function explain(step: string, result: RunResult): string {
  return `${step} exited ${result.code}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`;
}

describe('the generated default Discord project', () => {
  let dir: string;
  const env = userEnv();
  const npm = (...args: string[]) => run(NPM, args, { cwd: dir, env });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'botsmith-generated-'));
    for (const { path, content } of generateFrom().project.files) {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), content);
    }
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('installs from the registry', { timeout: 5 * MINUTES }, async () => {
    const result = await npm('install', '--no-audit', '--no-fund', '--prefer-offline');
    expect(result.code, explain('npm install', result)).toBe(0);
  });

  it('type-checks', { timeout: 2 * MINUTES }, async () => {
    const result = await npm('run', 'typecheck');
    expect(result.code, explain('npm run typecheck', result)).toBe(0);
  });

  it('passes its own tests', { timeout: 3 * MINUTES }, async () => {
    const result = await npm('test');
    expect(result.code, explain('npm test', result)).toBe(0);
    expect(result.stdout).toMatch(/Tests\s+\d+ passed/);
  });

  it('builds, and the built bot explains what to configure', { timeout: 2 * MINUTES }, async () => {
    const build = await npm('run', 'build');
    expect(build.code, explain('npm run build', build)).toBe(0);
    const { DISCORD_TOKEN: _unset, ...withoutToken } = env;
    const start = await run(process.execPath, ['dist/index.js'], { cwd: dir, env: withoutToken });
    expect(start.code, explain('node dist/index.js', start)).toBe(1);
    expect(start.stderr).toContain('DISCORD_TOKEN');
  });
});
