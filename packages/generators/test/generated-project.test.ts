import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, type ExpectStatic, it } from 'vitest';
import { background } from './background-checks';
import { createLimiter, type MatrixEntry, selectedEntries, userEnv } from './generated-projects';
import { generateFrom } from './helpers';
import { type RunResult, run } from './run';

// Generates projects, installs them from the npm registry and runs their own checks the way a
// user would: npm install, typecheck, test, build, then starts the built bot. Each platform
// alone runs with BOTSMITH_GENERATED_MATRIX=platforms; by default only Discord alone and all
// seven together. npm's cache is shared (npm_config_cache when set) and used offline first.
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const MINUTES = 60_000;
// Two at a time: each npm install and Vitest run keeps a core busy.
const limit = createLimiter(2);

function explain(step: string, result: RunResult): string {
  return `${step} exited ${result.code}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`;
}

async function checkProject(entry: MatrixEntry, expect: ExpectStatic): Promise<string> {
  const { project } = generateFrom(entry.input);
  const platforms = new Set(
    project.files.map((f) => /^src\/platforms\/(\w+)\.ts$/.exec(f.path)?.[1]),
  );
  const dir = await mkdtemp(join(tmpdir(), 'botsmith-generated-'));
  const env = userEnv();
  const timings: string[] = [];
  const step = async (name: string, command: string, args: string[], input?: string) => {
    const started = Date.now();
    const result = await run(command, args, { cwd: dir, env, ...(input ? { input } : {}) });
    timings.push(`${name} ${((Date.now() - started) / 1000).toFixed(1)}s`);
    return result;
  };
  try {
    for (const { path, content } of project.files) {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), content);
    }
    const install = await step('install', NPM, [
      'install',
      '--no-audit',
      '--no-fund',
      '--prefer-offline',
    ]);
    expect(install.code, explain('npm install', install)).toBe(0);
    for (const script of ['typecheck', 'test', 'build']) {
      const result = await step(script, NPM, ['run', script]);
      expect(result.code, explain(`npm run ${script}`, result)).toBe(0);
      if (script === 'test') expect(result.stdout).toMatch(/Tests\s+\d+ passed/);
    }

    // Without credentials the built bot names what to set and exits 1.
    const start = await step('start', process.execPath, ['dist/index.js']);
    expect(start.code, explain('node dist/index.js', start)).toBe(1);
    expect(start.stderr).toContain('No chat platform is configured');
    if (platforms.has('discord')) expect(start.stderr).toContain('DISCORD_TOKEN');
    if (platforms.has('cli')) expect(start.stderr).toContain('npm run chat');

    if (platforms.has('webchat')) {
      const started = Date.now();
      await background(dir, env, expect);
      timings.push(`serve ${((Date.now() - started) / 1000).toFixed(1)}s`);
    }
    if (platforms.has('cli')) {
      const chat = await step('chat', process.execPath, ['dist/chat.js'], 'hello\n/quit\n');
      expect(chat.code, explain('node dist/chat.js', chat)).toBe(0);
      expect(chat.stdout).toBe('You said: hello\n');
    }
    return `${entry.name}: ${timings.join(', ')}`;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe.concurrent('generated projects', () => {
  for (const entry of selectedEntries()) {
    it(`${entry.name}: installs, type-checks, passes its tests, builds and starts`, {
      timeout: 30 * MINUTES,
    }, async ({ expect }) => {
      console.log(await limit(() => checkProject(entry, expect)));
    });
  }
});
