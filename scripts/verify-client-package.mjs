#!/usr/bin/env node
// Proves the packed @botsmith/client works outside the workspace, as a user gets it: packs the
// package, installs the tarball with npm into a fresh copy of examples/sdk, type-checks the
// example with `moduleResolution` NodeNext and Bundler, and, given BOTSMITH_TOKEN (and
// BOTSMITH_URL, default http://127.0.0.1:3000), runs it against that server. The Playwright
// journey J5 (apps/web/e2e/j5-sdk.spec.ts) runs it against the built server.
// Usage: node scripts/verify-client-package.mjs   (from anywhere; exits non-zero on failure)
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'botsmith-client-package-'));

// Under `pnpm exec`, pnpm passes settings of its own that npm warns about.
const env = { ...process.env };
delete env.npm_config_verify_deps_before_run;

/** Runs a command, its output shown; throws when it fails. */
function run(command, args, cwd) {
  console.log(`$ ${command} ${args.join(' ')}`);
  execFileSync(command, args, { cwd, stdio: 'inherit', env });
}

try {
  const packed = join(work, 'packed');
  run('pnpm', ['--filter', '@botsmith/client', 'pack', '--pack-destination', packed], root);
  const [tarball] = readdirSync(packed).filter((file) => file.endsWith('.tgz'));
  if (!tarball) throw new Error('pnpm pack wrote no tarball');

  const example = join(work, 'example');
  cpSync(join(root, 'examples/sdk'), example, {
    recursive: true,
    filter: (source) => !source.includes('node_modules'),
  });
  // The example names the tarball by its place in the repository; this copy is elsewhere.
  const manifestFile = join(example, 'package.json');
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  manifest.dependencies['@botsmith/client'] = `file:${join(packed, tarball)}`;
  writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);

  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline'], example);
  run('npx', ['--no-install', 'tsc', '-p', 'tsconfig.json'], example);
  run('npx', ['--no-install', 'tsc', '-p', 'tsconfig.bundler.json'], example);
  console.log('the packed client type-checks with moduleResolution NodeNext and Bundler');

  if (process.env.BOTSMITH_TOKEN) {
    // This Node (24, the workspace's) runs the TypeScript file directly.
    run(process.execPath, ['main.ts'], example);
  } else {
    console.log('BOTSMITH_TOKEN is not set: the example was not run against a server');
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
