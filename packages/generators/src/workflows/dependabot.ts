import { toYaml } from '../lib/yaml';
import type { GeneratorModule } from '../types';

const HEADER = [
  'Dependabot keeps npm packages and GitHub Actions current.',
  'Major updates of @types/node are ignored: its major matches the Node version the project',
  'runs on (engines in package.json, the Dockerfile); move both together.',
].join('\n');

// Only @types/node is held back: a newer major would type APIs the chosen Node lacks.
const NODE_MATCHED_PACKAGES = ['@types/node'];

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
        ignore: NODE_MATCHED_PACKAGES.map((name) => ({
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
export const dependabotModule: GeneratorModule<'dependabot'> = {
  id: 'dependabot',
  label: 'Dependabot',
  enabled: (config) => config.automation.dependabot,
  contribute: () => ({
    files: [{ path: '.github/dependabot.yml', content: toYaml(dependabotConfig(), HEADER) }],
  }),
};
