import { toYaml } from '../lib/yaml';
import type { GeneratorModule } from '../types';

const HEADER = [
  'Dependabot keeps npm packages and GitHub Actions current.',
  'Major updates of @types/node and vitest are ignored: the project supports Node 20.19+,',
  'and newer majors of those target newer Node releases only.',
].join('\n');

/** The dependabot configuration object: weekly npm and github-actions updates. */
export function dependabotConfig(): Record<string, unknown> {
  return {
    version: 2,
    updates: [
      {
        'package-ecosystem': 'npm',
        directory: '/',
        schedule: { interval: 'weekly' },
        groups: { 'minor-and-patch': { 'update-types': ['minor', 'patch'] } },
        ignore: [
          { 'dependency-name': '@types/node', 'update-types': ['version-update:semver-major'] },
          { 'dependency-name': 'vitest', 'update-types': ['version-update:semver-major'] },
        ],
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
  contribute: () => ({
    files: [{ path: '.github/dependabot.yml', content: toYaml(dependabotConfig(), HEADER) }],
  }),
};
