import type { BuildConfig } from '@botsmith/shared';
import type { Contribution } from '../types';
import {
  type DependencyName,
  dependencyVersion,
  NODE_RUNTIMES,
  PACKAGE_MANAGER_RELEASES,
} from '../versions';
import { compareStrings, sortKeys } from './sort';

/** Thrown when two modules define the same npm script differently. */
export class ScriptConflictError extends Error {
  constructor(readonly script: string) {
    super(`Two generator modules define the npm script "${script}" differently`);
    this.name = 'ScriptConflictError';
  }
}

function versionsOf(config: BuildConfig, names: Iterable<DependencyName>): Record<string, string> {
  const unique = [...new Set(names)].sort(compareStrings);
  const node = config.runtime.nodeVersion;
  return Object.fromEntries(unique.map((name) => [name, dependencyVersion(name, node)]));
}

/**
 * The generated `package.json`: identity from the config, scripts and dependencies merged
 * from every contribution with keys sorted, so the output does not depend on module order.
 * A package that is both a dependency and a dev dependency stays only a dependency.
 *
 * @example assemblePackageJson(config, [{ dependencies: ['discord.js'] }])
 */
export function assemblePackageJson(
  config: BuildConfig,
  contributions: readonly Contribution[],
): string {
  const scripts: Record<string, string> = {};
  for (const contribution of contributions) {
    for (const [name, command] of Object.entries(contribution.scripts ?? {})) {
      if (scripts[name] !== undefined && scripts[name] !== command) {
        throw new ScriptConflictError(name);
      }
      scripts[name] = command;
    }
  }
  const dependencies = contributions.flatMap((c) => c.dependencies ?? []);
  const runtime = new Set(dependencies);
  const devDependencies = contributions
    .flatMap((c) => c.devDependencies ?? [])
    .filter((name) => !runtime.has(name));

  // Conventional key order at the top level; data fields are JSON-escaped by stringify.
  const manifest = {
    name: config.project.name,
    version: '0.1.0',
    private: true,
    description: config.project.description,
    license: config.project.license,
    type: 'module',
    engines: { node: NODE_RUNTIMES[config.runtime.nodeVersion].engines },
    packageManager: PACKAGE_MANAGER_RELEASES[config.runtime.packageManager],
    scripts: sortKeys(scripts),
    dependencies: versionsOf(config, dependencies),
    devDependencies: versionsOf(config, devDependencies),
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
