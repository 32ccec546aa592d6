import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  clearLockfileMemoryCache,
  LockfileTimeoutError,
  RegistryUnreachableError,
  ResolutionFailedError,
  resolveLockfile,
  withLockfile,
} from './lockfile.js';
import { fakePackageManager as fakeNpm } from './lockfile-testing.js';

const files = (deps: Record<string, string>) => [
  {
    path: 'package.json',
    content: JSON.stringify({ name: 'x', version: '1.0.0', dependencies: deps }),
  },
];

describe('resolveLockfile', () => {
  beforeEach(() => clearLockfileMemoryCache());

  it('shares one resolution between concurrent calls and caches on disk', async () => {
    const npm = await fakeNpm('ok');
    const cacheDir = await mkdtemp(join(tmpdir(), 'lock-cache-'));
    const options = {
      packageManager: 'npm' as const,
      timeoutMs: 10_000,
      cacheDir,
      command: npm.command,
    };
    const [a, b] = await Promise.all([
      resolveLockfile(files({ a: '1' }), options),
      resolveLockfile(files({ a: '1' }), options),
    ]);
    expect(a.path).toBe('package-lock.json');
    expect(JSON.parse(a.content).packages[''].dependencies).toEqual({ a: '1' });
    expect(b).toEqual(a);
    clearLockfileMemoryCache();
    await resolveLockfile(files({ a: '1' }), options);
    expect(await npm.count()).toBe(1);
    await resolveLockfile(files({ a: '2' }), options);
    expect(await npm.count()).toBe(2);
  });

  it('stops a resolution that exceeds the timeout', async () => {
    const npm = await fakeNpm('sleep');
    await expect(
      resolveLockfile(files({}), { packageManager: 'npm', timeoutMs: 300, command: npm.command }),
    ).rejects.toBeInstanceOf(LockfileTimeoutError);
  });

  it('reports npm stderr when resolution fails, and a retry runs again', async () => {
    const npm = await fakeNpm('fail');
    const options = { packageManager: 'npm' as const, timeoutMs: 10_000, command: npm.command };
    const error = await resolveLockfile(files({}), options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResolutionFailedError);
    expect((error as Error).message).toContain('ERESOLVE');
    await resolveLockfile(files({}), options).catch(() => undefined);
    expect(await npm.count()).toBe(2);
  });

  it('resolves a tiny project against the real registry', async () => {
    const lock = await resolveLockfile(files({ 'is-number': '7.0.0' }), {
      packageManager: 'npm',
      timeoutMs: 60_000,
    });
    expect(JSON.parse(lock.content).packages['node_modules/is-number'].version).toBe('7.0.0');
  }, 70_000);
});

describe('withLockfile', () => {
  beforeEach(() => clearLockfileMemoryCache());
  const project = (packageManager: string) => [
    { path: 'src/index.ts', content: '' },
    {
      path: 'package.json',
      content: JSON.stringify({ name: 'p', packageManager, dependencies: { b: '1' } }),
    },
    { path: '.env.example', content: '' },
  ];

  it('adds the lockfile of the package manager package.json names, in path order', async () => {
    const { command } = await fakeNpm('ok');
    const npm = await withLockfile(project('npm@11.0.0'), { timeoutMs: 10_000, command });
    expect(npm.map((f) => f.path)).toEqual([
      '.env.example',
      'package-lock.json',
      'package.json',
      'src/index.ts',
    ]);
    const pnpm = await withLockfile(project('pnpm@10.0.0'), { timeoutMs: 10_000, command });
    expect(pnpm.map((f) => f.path)).toContain('pnpm-lock.yaml');
    expect(pnpm.find((f) => f.path === 'pnpm-lock.yaml')?.content).toContain('fake for p');
  });

  it('names the project in a lockfile cached for another one with the same dependencies', async () => {
    const { command } = await fakeNpm('ok');
    const cacheDir = await mkdtemp(join(tmpdir(), 'lock-cache-'));
    const named = (name: string) =>
      project('npm@11.0.0').map((f) =>
        f.path === 'package.json'
          ? { ...f, content: JSON.stringify({ ...JSON.parse(f.content), name, version: '2.0.0' }) }
          : f,
      );
    await withLockfile(named('first'), { timeoutMs: 10_000, command, cacheDir });
    clearLockfileMemoryCache();
    const second = await withLockfile(named('second'), { timeoutMs: 10_000, command, cacheDir });
    const lock = JSON.parse(second.find((f) => f.path === 'package-lock.json')?.content ?? '');
    expect(lock).toMatchObject({ name: 'second', version: '2.0.0' });
    expect(lock.packages['']).toMatchObject({ name: 'second', version: '2.0.0' });
  });

  it('replaces a lockfile the files already hold instead of adding a second', async () => {
    const { command } = await fakeNpm('ok');
    const stale = [...project('npm@11.0.0'), { path: 'package-lock.json', content: 'stale' }];
    const files = await withLockfile(stale, { timeoutMs: 10_000, command });
    const locks = files.filter((f) => f.path === 'package-lock.json');
    expect(locks).toHaveLength(1);
    expect(locks[0]?.content).not.toBe('stale');
  });

  it('says the registry is unreachable when npm cannot reach it', async () => {
    const { command } = await fakeNpm('offline');
    await expect(
      withLockfile(project('npm@11.0.0'), { timeoutMs: 10_000, command }),
    ).rejects.toBeInstanceOf(RegistryUnreachableError);
  });

  it('refuses a package manager it cannot run', async () => {
    const { command } = await fakeNpm('ok');
    await expect(
      withLockfile(project('yarn@4.0.0'), { timeoutMs: 10_000, command }),
    ).rejects.toThrow(/cannot use: yarn/);
  });
});
