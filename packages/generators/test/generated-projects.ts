import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { type BuildConfigInput, FEATURE_IDS, PLATFORM_IDS } from '@botsmith/shared';
import { generateFrom } from './helpers';
import { type RunResult, run } from './run';

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** The part of the matrix an entry belongs to; `default` always runs. */
export type MatrixGroup = 'default' | 'platforms' | 'features';

/** One generated project the matrix installs and checks. */
export interface MatrixEntry {
  name: string;
  input: BuildConfigInput;
  group: MatrixGroup;
}

const ALL_AUTOMATION = {
  ci: true,
  deploy: true,
  codeql: true,
  dependencyReview: true,
  release: true,
  dependabot: true,
};

// A terminal bot cannot have the health endpoint (no HTTP server), so the CLI leaves it out.
function platformAlone(platform: (typeof PLATFORM_IDS)[number]): MatrixEntry {
  return {
    name: `${platform} alone`,
    input:
      platform === 'cli'
        ? { platforms: [platform], features: ['commands', 'sessions'] }
        : { platforms: [platform] },
    group: platform === 'discord' ? 'default' : 'platforms',
  };
}

/**
 * By default: Discord alone, all seven platforms, all seven with every feature and automation,
 * and the smallest project. `platforms` adds each platform alone; `features` every session
 * store, both AI providers, pnpm and every feature without sessions.
 */
export const MATRIX: readonly MatrixEntry[] = [
  ...PLATFORM_IDS.map(platformAlone),
  { name: 'all seven platforms', input: { platforms: [...PLATFORM_IDS] }, group: 'default' },
  {
    name: 'all seven platforms, every feature and automation',
    input: {
      project: { name: 'maximal-bot' },
      platforms: [...PLATFORM_IDS],
      features: [...FEATURE_IDS],
      ai: { provider: 'openai' },
      sessions: { store: 'postgres' },
      deploy: { target: 'fly' },
      automation: ALL_AUTOMATION,
    },
    group: 'default',
  },
  {
    name: 'minimal',
    input: { project: { name: 'minimal-bot' }, features: [], automation: { ci: false } },
    group: 'default',
  },
  {
    name: 'memory store',
    input: { features: ['commands', 'sessions', 'persistence'] },
    group: 'features',
  },
  {
    name: 'redis store',
    input: { features: ['commands', 'sessions', 'persistence'], sessions: { store: 'redis' } },
    group: 'features',
  },
  {
    name: 'postgres store',
    input: { features: ['commands', 'sessions'], sessions: { store: 'postgres' } },
    group: 'features',
  },
  {
    name: 'openai replies',
    input: { features: ['commands', 'sessions', 'ai'], ai: { provider: 'openai' } },
    group: 'features',
  },
  {
    name: 'anthropic replies',
    input: { features: ['ai', 'i18n'], ai: { provider: 'anthropic' } },
    group: 'features',
  },
  {
    name: 'pnpm, everything but AI',
    input: {
      features: FEATURE_IDS.filter((id) => id !== 'ai'),
      runtime: { packageManager: 'pnpm' },
      sessions: { store: 'redis' },
    },
    group: 'features',
  },
  {
    name: 'all seven platforms, every feature but sessions',
    input: {
      platforms: [...PLATFORM_IDS],
      features: FEATURE_IDS.filter((id) => id !== 'sessions' && id !== 'persistence'),
      ai: { provider: 'anthropic' },
    },
    group: 'features',
  },
];

/**
 * The entries this run checks: the default ones, plus the groups BOTSMITH_GENERATED_MATRIX
 * names (comma-separated: `platforms`, `features`, or `all`).
 */
export function selectedEntries(env: NodeJS.ProcessEnv = process.env): MatrixEntry[] {
  const groups = new Set((env.BOTSMITH_GENERATED_MATRIX ?? '').split(',').map((g) => g.trim()));
  return MATRIX.filter(
    (entry) => entry.group === 'default' || groups.has('all') || groups.has(entry.group),
  );
}

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
    // Platform credentials or a PORT of the machine would change what the bot starts.
    const botSetting =
      key === 'PORT' || /^(DISCORD|TELEGRAM|WHATSAPP|SLACK|TWITTER|WEBCHAT)_/.test(key);
    if (!fromWorkspace && !botSetting) env[key] = value;
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

/** Runs tasks with at most `limit` at a time, in the order they asked. */
export function createLimiter(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    // A finishing task hands its slot straight to the next waiter, so none can jump the queue.
    if (active < limit) active += 1;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else active -= 1;
    }
  };
}

/** A generated project written to a temporary directory, with its package manager at hand. */
export interface ProjectDir {
  dir: string;
  /** The package manager's command name as the project's messages spell it (`npm`, `pnpm`). */
  packageManagerName: 'npm' | 'pnpm';
  /** Installs from the registry, preferring the shared cache. */
  install(): Promise<RunResult>;
  packageManager(...args: string[]): Promise<RunResult>;
  node(args: string[], env: NodeJS.ProcessEnv, input?: string): Promise<RunResult>;
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
    packageManagerName: pnpm ? 'pnpm' : 'npm',
    install: () =>
      pnpm
        ? packageManager('install', '--prefer-offline')
        : packageManager('install', '--no-audit', '--no-fund', '--prefer-offline'),
    packageManager,
    node: (args, nodeEnv, stdin) =>
      run(process.execPath, args, { cwd: dir, env: nodeEnv, ...(stdin ? { input: stdin } : {}) }),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
