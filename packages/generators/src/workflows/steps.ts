import type { BuildConfig } from '@botsmith/shared';
import { packageManagerOf } from '../lib/package-manager';
import { ACTION_VERSIONS } from '../versions';

/** A workflow step as a plain object; serialized by `toYaml`. */
export type Step = Record<string, unknown>;

/** Checks out without leaving the token in `.git/config`: nothing in these jobs pushes. */
export function checkoutStep(ref?: string): Step {
  return {
    uses: ACTION_VERSIONS.checkout,
    with: { ...(ref ? { ref } : {}), 'persist-credentials': false },
  };
}

/**
 * Sets up Node (and pnpm first, when chosen) with the package manager's download cache, keyed
 * by the lockfile the project ships with.
 */
export function setupNodeSteps(config: BuildConfig, nodeVersion: string): Step[] {
  const pm = packageManagerOf(config);
  const pnpm = pm.name === 'pnpm';
  const setupNode: Step = {
    uses: ACTION_VERSIONS.setupNode,
    with: {
      'node-version': nodeVersion,
      cache: pm.name,
      'cache-dependency-path': pm.lockfile,
    },
  };
  // setup-node's pnpm cache asks pnpm for its store path, so pnpm must be installed first.
  // No `version`: the action reads package.json's `packageManager` (it refuses both).
  const setupPnpm: Step = { uses: ACTION_VERSIONS.setupPnpm };
  return pnpm ? [setupPnpm, setupNode] : [setupNode];
}

/** Installs dependencies with the chosen package manager. */
export function installStep(config: BuildConfig): Step {
  return { name: 'Install dependencies', run: packageManagerOf(config).install };
}

/** Type-check and test: what every deploy must pass first. */
export function verifySteps(config: BuildConfig): Step[] {
  const pm = packageManagerOf(config);
  return [
    installStep(config),
    { name: 'Lint', run: pm.run('lint') },
    { name: 'Type-check', run: pm.run('typecheck') },
    { name: 'Test', run: pm.run('test') },
  ];
}
