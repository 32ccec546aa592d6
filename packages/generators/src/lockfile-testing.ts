/**
 * Test entry `@botsmith/generators/lockfile/testing`: a stand-in for `npm` / `pnpm` that
 * `resolveLockfile` runs through its `command` option, so suites exercise the real spawn,
 * timeout and error paths without the registry.
 */
import { chmod, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** `ok` writes a lockfile; `sleep` never finishes; `fail` and `offline` exit 1 like npm does. */
export type FakePackageManagerMode = 'ok' | 'sleep' | 'fail' | 'offline';

export interface FakePackageManager {
  /** The executable to pass as `command`. */
  command: string;
  /** How many times it ran. */
  count(): Promise<number>;
}

// The `ok` lockfile names the package and its dependencies, so a test can tell which
// package.json it was resolved for.
const BEHAVIOUR: Record<FakePackageManagerMode, string> = {
  ok: `const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8'));
const deps = { ...pkg.dependencies, ...pkg.devDependencies };
if (process.argv.includes('--lockfile-only')) {
  fs.writeFileSync('pnpm-lock.yaml', "lockfileVersion: '9.0'\\n# fake for " + pkg.name + '\\n');
} else {
  fs.writeFileSync('package-lock.json', JSON.stringify({ name: pkg.name, lockfileVersion: 3, requires: true, packages: { '': { name: pkg.name, dependencies: deps } } }, null, 2) + '\\n');
}`,
  sleep: 'setTimeout(() => {}, 600000);',
  fail: `process.stderr.write('npm error code ERESOLVE\\\\nnpm error could not resolve\\\\n'); process.exit(1);`,
  offline: `process.stderr.write('npm error code ENOTFOUND\\\\nnpm error network request to https://registry.npmjs.org failed\\\\n'); process.exit(1);`,
};

/** Writes a fake package manager into a new temporary directory. */
export async function fakePackageManager(
  mode: FakePackageManagerMode = 'ok',
): Promise<FakePackageManager> {
  const dir = await mkdtemp(join(tmpdir(), 'botsmith-fake-pm-'));
  const counter = join(dir, 'count');
  await writeFile(counter, '');
  const command = join(dir, 'fake-pm');
  await writeFile(
    command,
    `#!/usr/bin/env node\nconst fs = require('node:fs');\nfs.appendFileSync(${JSON.stringify(counter)}, 'x');\n${BEHAVIOUR[mode]}\n`,
  );
  await chmod(command, 0o755);
  return { command, count: async () => (await readFile(counter, 'utf8')).length };
}
