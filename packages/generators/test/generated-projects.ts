import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { BuildConfigInput } from '@botsmith/shared';
import { generateFrom } from './helpers';
import { type RunResult, run } from './run';

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** The environment without what pnpm injects for the workspace, so npm behaves as for a user. */
export function userEnv(): NodeJS.ProcessEnv {
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

export function explain(step: string, result: RunResult): string {
  return `${step} exited ${result.code}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`;
}

function reachable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port, timeout: 500 });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
    socket.once('timeout', () => done(false));
  });
}

/**
 * REDIS_URL and DATABASE_URL for the generated projects' own store tests: taken from the
 * environment, else the local servers when they answer (as on CI), else left unset so those
 * tests skip themselves.
 */
export async function storeEnv(): Promise<Record<string, string>> {
  const env: Record<string, string> = {};
  const redis = process.env.REDIS_URL ?? ((await reachable(6379)) && 'redis://127.0.0.1:6379');
  const postgres =
    process.env.DATABASE_URL ??
    ((await reachable(5432)) && 'postgres://postgres@127.0.0.1:5432/test');
  if (redis) env.REDIS_URL = redis;
  if (postgres) env.DATABASE_URL = postgres;
  return env;
}

/** Runs at most `limit` tasks at a time: each generated project installs and compiles. */
export function limitConcurrency(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    active += 1;
    try {
      return await task();
    } finally {
      active -= 1;
      waiting.shift()?.();
    }
  };
}

/** A generated project written to a temporary directory, with its package manager at hand. */
export interface ProjectDir {
  dir: string;
  /** Installs from the registry, preferring the shared cache. */
  install(): Promise<RunResult>;
  packageManager(...args: string[]): Promise<RunResult>;
  node(args: string[], env: NodeJS.ProcessEnv): Promise<RunResult>;
  remove(): Promise<void>;
}

export async function writeProject(
  input: BuildConfigInput,
  env: NodeJS.ProcessEnv,
): Promise<ProjectDir> {
  const dir = await mkdtemp(join(tmpdir(), 'botsmith-generated-'));
  const { project } = generateFrom(input);
  for (const { path, content } of project.files) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), content);
  }
  const pnpm = input.runtime?.packageManager === 'pnpm';
  const packageManager = (...args: string[]) => run(pnpm ? 'pnpm' : NPM, args, { cwd: dir, env });
  return {
    dir,
    install: () =>
      pnpm
        ? packageManager('install', '--prefer-offline')
        : packageManager('install', '--no-audit', '--no-fund', '--prefer-offline'),
    packageManager,
    node: (args, nodeEnv) => run(process.execPath, args, { cwd: dir, env: nodeEnv }),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
