/**
 * Node-only entry `@botsmith/generators/lockfile`: resolves the lockfile of a generated project
 * against the registry. Kept out of the main entry so that stays browser-safe.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GeneratedFile } from './types.js';

export type PackageManager = 'npm' | 'pnpm';

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

export interface ResolvedLockfile {
  path: 'package-lock.json' | 'pnpm-lock.yaml';
  content: string;
}

export class LockfileError extends Error {
  override name = 'LockfileError';
}
export class LockfileTimeoutError extends LockfileError {
  override name = 'LockfileTimeoutError';
  constructor(readonly timeoutMs: number) {
    super(`Resolving dependencies took longer than ${timeoutMs} ms and was stopped`);
  }
}
export class RegistryUnreachableError extends LockfileError {
  override name = 'RegistryUnreachableError';
  constructor(readonly stderrTail: string) {
    super(`The package registry could not be reached: ${stderrTail}`);
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
}

const LOCKFILE_NAME = { npm: 'package-lock.json', pnpm: 'pnpm-lock.yaml' } as const;
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
  const cached = memory.get(key);
  if (cached) return cached;
  // Concurrent callers share this promise; a failure is evicted so a retry resolves again.
  const pending = resolveUncached(files, options, key).catch((error: unknown) => {
    memory.delete(key);
    throw error;
  });
  memory.set(key, pending);
  return pending;
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
  const path = LOCKFILE_NAME[options.packageManager];
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
      env: { ...process.env, npm_config_ignore_scripts: 'true' },
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
