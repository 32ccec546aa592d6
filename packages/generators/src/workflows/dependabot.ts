import type { BuildConfig } from '@botsmith/shared';
import { toYaml } from '../lib/yaml';
import type { GeneratorModule } from '../types';

const HEADER = [
  'Dependabot keeps npm packages and GitHub Actions current.',
  'Major updates of @types/node, vitest (and openai) are ignored: the project supports',
  'Node 20.19+, and newer majors of those need newer Node releases.',
].join('\n');

// Majors that dropped Node 20, which generated projects still support.
function nodeCappedPackages(config: BuildConfig): string[] {
  const openai = config.features.includes('ai') && config.ai.provider === 'openai';
  return ['@types/node', 'vitest', ...(openai ? ['openai'] : [])];
}

/** The dependabot configuration object: weekly npm and github-actions updates. */
export function dependabotConfig(config: BuildConfig): Record<string, unknown> {
  return {
    version: 2,
    updates: [
      {
        'package-ecosystem': 'npm',
        directory: '/',
        schedule: { interval: 'weekly' },
        groups: { 'minor-and-patch': { 'update-types': ['minor', 'patch'] } },
        ignore: nodeCappedPackages(config).map((name) => ({
          'dependency-name': name,
          'update-types': ['version-update:semver-major'],
        })),
      },
      {
        'package-ecosystem': 'github-actions',
        directory: '/',
        schedule: { interval: 'weekly' },
      },
    ],
  };
}

/** `.github/dependabot.yml` when the dependabot automation is chosen. */
export const dependabotModule: GeneratorModule = {
  id: 'dependabot',
  label: 'Dependabot',
  enabled: (config) => config.automation.dependabot,
  contribute: (config) => ({
    files: [{ path: '.github/dependabot.yml', content: toYaml(dependabotConfig(config), HEADER) }],
  }),
};
