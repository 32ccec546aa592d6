#!/usr/bin/env node
// `pnpm dev`: the API (tsx watch) and the web app (Vite), plus the local GitHub emulator on
// http://127.0.0.1:4010 when no GitHub OAuth app is configured (GITHUB_CLIENT_ID unset), so
// signing in works with no setup. The API falls back to that emulator on its own in
// development; this script only decides whether to start it.
import { spawn } from 'node:child_process';

const env = { ...process.env };
const filters = ['@botsmith/api', '@botsmith/web'];
if (!env.GITHUB_CLIENT_ID) {
  filters.push('@botsmith/github-emulator');
  env.GITHUB_EMULATOR_URL ||= 'http://127.0.0.1:4010';
  // Pushes and dispatches run simulated workflows, delivering signed webhooks to the app.
  env.GITHUB_EMULATOR_AUTO_RUNS ||= 'success';
  console.log(
    `No GITHUB_CLIENT_ID: starting the local GitHub emulator at ${env.GITHUB_EMULATOR_URL}; ` +
      'sign in with "Sign in with GitHub (local emulator)". Set GITHUB_CLIENT_ID and ' +
      'GITHUB_CLIENT_SECRET to use a real GitHub OAuth app instead.',
  );
}
// Users open Vite's URL; the OAuth callback must come back to the same host (cookies).
env.PUBLIC_URL ||= 'http://127.0.0.1:5173';

const args = [...filters.flatMap((name) => ['--filter', name]), '--parallel', 'run', 'dev'];
const child = spawn('pnpm', args, { stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
