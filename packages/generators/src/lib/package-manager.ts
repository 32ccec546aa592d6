import type { BuildConfig } from '@botsmith/shared';
import { PNPM_MAJOR } from '../versions';

/** The commands of the package manager a project was generated for, for scripts and docs. */
export interface PackageManager {
  name: 'npm' | 'pnpm';
  lockfile: string;
  /**
   * Installs exactly what the lockfile says, failing if it is missing or out of date: Botsmith
   * resolves the lockfile whenever it hands out a project (zip, setup commit, CLI).
   */
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
  install: 'npm ci --no-audit --no-fund',
  run: (script) => (script === 'test' ? 'npm test' : `npm run ${script}`),
  runIfPresent: (script) => `npm run ${script} --if-present`,
  pruneProduction: 'npm prune --omit=dev',
  exec: 'npx',
};

// pnpm freezes the lockfile only in CI by default; say it, so the Docker build does too.
const PNPM: PackageManager = {
  name: 'pnpm',
  lockfile: 'pnpm-lock.yaml',
  install: 'pnpm install --frozen-lockfile',
  run: (script) => (script === 'test' ? 'pnpm test' : `pnpm run ${script}`),
  runIfPresent: (script) => `pnpm run --if-present ${script}`,
  pruneProduction: 'pnpm prune --prod',
  exec: 'pnpm exec',
};

/** Every package manager a project can be generated for, by name. */
export const PACKAGE_MANAGERS = { npm: NPM, pnpm: PNPM } as const;

/** The package manager chosen in the wizard. */
export function packageManagerOf(config: BuildConfig): PackageManager {
  return PACKAGE_MANAGERS[config.runtime.packageManager];
}

/** The lockfile a project of `config` ships with, resolved when the project is handed out. */
export function lockfilePathOf(config: BuildConfig): string {
  return packageManagerOf(config).lockfile;
}

/** The shell command that installs pnpm itself where no action does (the Docker build). */
export const INSTALL_PNPM = `npm install --global --no-audit --no-fund pnpm@${PNPM_MAJOR}`;
