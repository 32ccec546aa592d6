import { chmod, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  clearLockfileMemoryCache,
  LockfileTimeoutError,
  ResolutionFailedError,
  resolveLockfile,
} from './lockfile.js';

const files = (deps: Record<string, string>) => [
  {
    path: 'package.json',
    content: JSON.stringify({ name: 'x', version: '1.0.0', dependencies: deps }),
  },
];

/** A fake `npm` that counts its runs in a file and writes a lockfile (or sleeps / fails). */
async function fakeNpm(
  mode: 'ok' | 'sleep' | 'fail',
): Promise<{ command: string; count: () => Promise<number> }> {
  const dir = await mkdtemp(join(tmpdir(), 'fake-npm-'));
  const counter = join(dir, 'count');
  await writeFile(counter, '');
  const body = {
    ok: `fs.writeFileSync('package-lock.json', '{"lockfileVersion":3}');`,
    sleep: 'setTimeout(() => {}, 60000);',
    fail: `process.stderr.write('npm error code ERESOLVE\\n'); process.exit(1);`,
  }[mode];
  const command = join(dir, 'npm');
  await writeFile(
    command,
    `#!/usr/bin/env node\nconst fs=require('fs');fs.appendFileSync(${JSON.stringify(counter)},'x');${body}\n`,
  );
  await chmod(command, 0o755);
  return { command, count: async () => (await readFile(counter, 'utf8')).length };
}

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
    expect(a).toEqual({ path: 'package-lock.json', content: '{"lockfileVersion":3}' });
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
