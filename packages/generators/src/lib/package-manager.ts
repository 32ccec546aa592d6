import type { BuildConfig } from '@botsmith/shared';
import { PNPM_MAJOR } from '../versions';

/** The commands of the package manager a project was generated for, for scripts and docs. */
export interface PackageManager {
  name: 'npm' | 'pnpm';
  lockfile: string;
  /** Installs with the lockfile once committed, and resolves fresh until then (none is generated). */
  install: string;
  run(script: string): string;
  /** `run` that skips a script the project does not define. */
  runIfPresent(script: string): string;
  /** Removes dev dependencies after a build, for the Docker runtime stage. */
  pruneProduction: string;
  /** Runs a package binary, such as `npx tsx`. */
  exec: string;
}

const NPM: PackageManager = {
  name: 'npm',
  lockfile: 'package-lock.json',
  install:
    'if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi',
  run: (script) => (script === 'test' ? 'npm test' : `npm run ${script}`),
  runIfPresent: (script) => `npm run ${script} --if-present`,
  pruneProduction: 'npm prune --omit=dev',
  exec: 'npx',
};

// pnpm defaults to --frozen-lockfile in CI, which fails without a lockfile: say so explicitly.
const PNPM: PackageManager = {
  name: 'pnpm',
  lockfile: 'pnpm-lock.yaml',
  install:
    'if [ -f pnpm-lock.yaml ]; then pnpm install --frozen-lockfile; else pnpm install --no-frozen-lockfile; fi',
  run: (script) => (script === 'test' ? 'pnpm test' : `pnpm run ${script}`),
  runIfPresent: (script) => `pnpm run --if-present ${script}`,
  pruneProduction: 'pnpm prune --prod',
  exec: 'pnpm exec',
};

/** The package manager chosen in the wizard. */
export function packageManagerOf(config: BuildConfig): PackageManager {
  return config.runtime.packageManager === 'pnpm' ? PNPM : NPM;
}

/** The shell command that installs pnpm itself where no action does (the Docker build). */
export const INSTALL_PNPM = `npm install --global --no-audit --no-fund pnpm@${PNPM_MAJOR}`;
