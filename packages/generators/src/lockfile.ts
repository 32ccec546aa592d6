/**
 * Node-only entry `@botsmith/generators/lockfile`: resolves the lockfile of a generated project
 * against the registry. Kept out of the main entry so that stays browser-safe.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_MANAGERS } from './lib/package-manager.js';
import { compareStrings } from './lib/sort.js';
import type { GeneratedFile } from './types.js';

export type PackageManager = keyof typeof PACKAGE_MANAGERS;

export interface ResolveLockfileOptions {
  packageManager: PackageManager;
  /** Registry URL; the package manager's default when absent. */
  registry?: string;
  timeoutMs: number;
  /** Directory for the on-disk cache; memory-only when absent. */
  cacheDir?: string;
  /** Executable to run instead of `npm`/`pnpm` (tests use a fake). */
  command?: string;
}

/** What `withLockfile` needs: the package manager comes from the project's own package.json. */
export type LockfileOptions = Omit<ResolveLockfileOptions, 'packageManager'>;

export interface ResolvedLockfile {
  path: 'package-lock.json' | 'pnpm-lock.yaml';
  content: string;
}

/**
 * Why a lockfile could not be resolved. `message` carries the package manager's output for
 * logs and the terminal; `summary` is one sentence without it, for people in a browser.
 */
export class LockfileError extends Error {
  override name = 'LockfileError';
  get summary(): string {
    return this.message;
  }
}
export class LockfileTimeoutError extends LockfileError {
  override name = 'LockfileTimeoutError';
  constructor(readonly timeoutMs: number) {
    super(
      `Resolving dependencies took longer than ${Math.ceil(timeoutMs / 1000)} s and was stopped`,
    );
  }
}
export class RegistryUnreachableError extends LockfileError {
  override name = 'RegistryUnreachableError';
  constructor(readonly stderrTail: string) {
    super(`The package registry could not be reached: ${stderrTail}`);
  }
  override get summary(): string {
    return 'The package registry could not be reached';
  }
}
export class ResolutionFailedError extends LockfileError {
  override name = 'ResolutionFailedError';
  constructor(
    readonly exitCode: number | null,
    readonly stderrTail: string,
  ) {
    super(`Dependency resolution failed (exit ${exitCode}): ${stderrTail}`);
  }
  override get summary(): string {
    return `The package manager could not resolve the dependencies (exit ${this.exitCode})`;
  }
}

/** The paths a lockfile can have in a generated project. */
export const LOCKFILE_PATHS: readonly string[] = Object.values(PACKAGE_MANAGERS).map(
  (pm) => pm.lockfile,
);

/** Where the CLI and the project checks cache lockfiles, shared so each set resolves once. */
export const SHARED_LOCKFILE_CACHE_DIR = join(tmpdir(), 'botsmith-lockfiles');

const NETWORK_PATTERN = /ENOTFOUND|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EAI_AGAIN|network/i;
const memory = new Map<string, Promise<ResolvedLockfile>>();

/** The cache key covers exactly what decides the resolution, so cosmetic edits still hit. */
export function lockfileCacheKey(
  files: readonly GeneratedFile[],
  options: ResolveLockfileOptions,
): string {
  const pkg = JSON.parse(fileContent(files, 'package.json')) as Record<string, unknown>;
  const relevant = {
    pm: options.packageManager,
    registry: options.registry ?? null,
    command: options.command ?? null,
    dependencies: pkg.dependencies ?? null,
    devDependencies: pkg.devDependencies ?? null,
    overrides: pkg.overrides ?? null,
    pnpm: pkg.pnpm ?? null,
    engines: pkg.engines ?? null,
    packageManager: pkg.packageManager ?? null,
    npmrc: files.find((f) => f.path === '.npmrc')?.content ?? null,
  };
  return createHash('sha256').update(JSON.stringify(relevant)).digest('hex');
}

export function resolveLockfile(
  files: readonly GeneratedFile[],
  options: ResolveLockfileOptions,
): Promise<ResolvedLockfile> {
  const key = lockfileCacheKey(files, options);
  let pending = memory.get(key);
  if (!pending) {
    // Concurrent callers share this promise; a failure is evicted so a retry resolves again.
    pending = resolveUncached(files, options, key).catch((error: unknown) => {
      memory.delete(key);
      throw error;
    });
    memory.set(key, pending);
  }
  return pending.then((lock) => ownedBy(lock, files));
}

/**
 * The cache is shared by every project with the same dependencies, but npm's lockfile names
 * the project it was resolved for: give it this project's name and version.
 */
function ownedBy(lock: ResolvedLockfile, files: readonly GeneratedFile[]): ResolvedLockfile {
  if (lock.path !== 'package-lock.json') return lock;
  const pkg = JSON.parse(fileContent(files, 'package.json')) as { name?: string; version?: string };
  let parsed: {
    name?: string;
    version?: string;
    packages?: Record<string, Record<string, unknown>>;
  };
  try {
    parsed = JSON.parse(lock.content);
  } catch {
    throw new ResolutionFailedError(0, 'package-lock.json is not JSON');
  }
  const root = parsed.packages?.[''];
  if (parsed.name === pkg.name && (root?.name ?? pkg.name) === pkg.name) return lock;
  const owned = { ...parsed, name: pkg.name, ...(pkg.version ? { version: pkg.version } : {}) };
  if (root && owned.packages) {
    owned.packages = {
      ...owned.packages,
      '': { ...root, name: pkg.name, ...(pkg.version ? { version: pkg.version } : {}) },
    };
  }
  // npm writes two-space JSON with a final newline; keep it so `npm install` leaves it alone.
  return { path: lock.path, content: `${JSON.stringify(owned, null, 2)}\n` };
}

/**
 * The project's files with its lockfile resolved and added (replacing one already there), in
 * path order. The package manager is the one its `package.json` names in `packageManager`.
 *
 * @throws {LockfileError} when the registry cannot be reached, resolution fails or times out.
 */
export async function withLockfile(
  files: readonly GeneratedFile[],
  options: LockfileOptions,
): Promise<GeneratedFile[]> {
  const lock = await resolveLockfile(files, {
    ...options,
    packageManager: packageManagerNamed(files),
  });
  return [...files.filter((file) => file.path !== lock.path), lock].sort((a, b) =>
    compareStrings(a.path, b.path),
  );
}

function packageManagerNamed(files: readonly GeneratedFile[]): PackageManager {
  const pkg = JSON.parse(fileContent(files, 'package.json')) as { packageManager?: unknown };
  const name = typeof pkg.packageManager === 'string' ? pkg.packageManager.split('@')[0] : 'npm';
  if (name !== 'npm' && name !== 'pnpm') {
    throw new LockfileError(`package.json names a package manager Botsmith cannot use: ${name}`);
  }
  return name;
}

/** Test hook: forget in-memory results. */
export function clearLockfileMemoryCache(): void {
  memory.clear();
}

async function resolveUncached(
  files: readonly GeneratedFile[],
  options: ResolveLockfileOptions,
  key: string,
): Promise<ResolvedLockfile> {
  const path = PACKAGE_MANAGERS[options.packageManager].lockfile as ResolvedLockfile['path'];
  const cacheFile = options.cacheDir ? join(options.cacheDir, `${key}-${path}`) : undefined;
  if (cacheFile) {
    const hit = await readFile(cacheFile, 'utf8').catch(() => undefined);
    if (hit !== undefined) return { path, content: hit };
  }
  const dir = await mkdtemp(join(tmpdir(), 'botsmith-lock-'));
  try {
    await writeFile(join(dir, 'package.json'), fileContent(files, 'package.json'));
    const npmrc = files.find((f) => f.path === '.npmrc');
    if (npmrc) await writeFile(join(dir, '.npmrc'), npmrc.content);
    const args =
      options.packageManager === 'npm'
        ? ['install', '--package-lock-only', '--ignore-scripts', '--no-audit', '--no-fund']
        : ['install', '--lockfile-only', '--ignore-scripts'];
    if (options.registry) args.push(`--registry=${options.registry}`);
    await run(options.command ?? options.packageManager, args, dir, options.timeoutMs);
    const content = await readFile(join(dir, path), 'utf8').catch(() => {
      throw new ResolutionFailedError(0, `${path} was not written`);
    });
    if (cacheFile && options.cacheDir) {
      await mkdir(options.cacheDir, { recursive: true });
      // Write then rename so a concurrent reader never sees half a lockfile.
      const partial = `${cacheFile}.${process.pid}.tmp`;
      await writeFile(partial, content);
      await rename(partial, cacheFile);
    }
    return { path, content };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function run(command: string, args: string[], cwd: string, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    // Own process group so a timeout kills npm and everything it started.
    const child = spawn(command, args, {
      cwd,
      detached: process.platform !== 'win32',
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...withoutWorkspaceConfig(process.env), npm_config_ignore_scripts: 'true' },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-4000);
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killTree(child.pid);
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new ResolutionFailedError(null, error.message));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (timedOut) return reject(new LockfileTimeoutError(timeoutMs));
      if (code === 0) return resolve();
      const tail = stderr.trim().split('\n').slice(-15).join('\n');
      reject(
        NETWORK_PATTERN.test(tail)
          ? new RegistryUnreachableError(tail)
          : new ResolutionFailedError(code, tail),
      );
    });
  });
}

/**
 * `env` without what a workspace script passes down (`npm_*`, `pnpm_*`: the workspace's config,
 * lifecycle and package fields; `NODE_OPTIONS` loaders; `INIT_CWD`), which would otherwise steer
 * a package manager run for another project. The cache and registry stay: they are the user's.
 */
export function withoutWorkspaceConfig(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const kept: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(env)) {
    const lower = key.toLowerCase();
    const workspace =
      (lower.startsWith('npm_') &&
        lower !== 'npm_config_cache' &&
        lower !== 'npm_config_registry') ||
      lower.startsWith('pnpm_') ||
      key === 'NODE_OPTIONS' ||
      key === 'INIT_CWD';
    if (!workspace) kept[key] = value;
  }
  return kept;
}

function killTree(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(process.platform === 'win32' ? pid : -pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

function fileContent(files: readonly GeneratedFile[], path: string): string {
  const file = files.find((f) => f.path === path);
  if (!file) throw new LockfileError(`The project has no ${path}`);
  return file.content;
}
