import type { BuildConfig } from '@botsmith/shared';
import { expression } from '../lib/yaml';
import type { GeneratorModule } from '../types';
import { ACTION_VERSIONS } from '../versions';

const CONFIG_FILE = 'release-please-config.json';
const MANIFEST_FILE = '.release-please-manifest.json';

/** `release-please-config.json`: one Node package at the repository root. */
export function releasePleaseConfig(config: BuildConfig): string {
  const value = {
    $schema: 'https://raw.githubusercontent.com/googleapis/release-please/main/schemas/config.json',
    packages: {
      '.': {
        'release-type': 'node',
        'package-name': config.project.name,
        'changelog-path': 'CHANGELOG.md',
      },
    },
  };
  return `${JSON.stringify(value, null, 2)}\n`;
}

/**
 * release-please keeps a release pull request up to date from Conventional Commits; merging it
 * tags the version, updates CHANGELOG.md and package.json and publishes a GitHub release.
 * RELEASE_PLEASE_TOKEN, when set, lets CI run on the release pull request (pull requests
 * opened with GITHUB_TOKEN do not trigger workflows).
 */
export function releaseWorkflow(): Record<string, unknown> {
  return {
    name: 'Release',
    on: { push: { branches: ['main'] } },
    permissions: { contents: 'read' },
    concurrency: { group: 'release-please', 'cancel-in-progress': false },
    jobs: {
      'release-please': {
        name: 'Release pull request',
        'runs-on': 'ubuntu-latest',
        'timeout-minutes': 10,
        permissions: { contents: 'write', 'pull-requests': 'write' },
        steps: [
          {
            uses: ACTION_VERSIONS.releasePlease,
            with: {
              token: expression('secrets.RELEASE_PLEASE_TOKEN || github.token'),
              'config-file': CONFIG_FILE,
              'manifest-file': MANIFEST_FILE,
            },
          },
        ],
      },
    },
  };
}

/** release-please: its config, its manifest and `.github/workflows/release.yml`. */
export const releaseModule: GeneratorModule<'release'> = {
  id: 'release',
  label: 'Release automation',
  enabled: (config) => config.automation.release,
  contribute: (config) => ({
    files: [
      { path: CONFIG_FILE, content: releasePleaseConfig(config) },
      { path: MANIFEST_FILE, content: `${JSON.stringify({ '.': '0.1.0' }, null, 2)}\n` },
    ],
    workflows: [{ name: 'release', workflow: releaseWorkflow() }],
    readme: [
      {
        order: 83,
        title: 'Releases',
        body: [
          'Write commit messages as [Conventional Commits](https://www.conventionalcommits.org) (`feat: …`, `fix: …`). `.github/workflows/release.yml` runs release-please, which keeps a release pull request open; merging it bumps the version, updates `CHANGELOG.md` and publishes a GitHub release.',
          'Pull requests opened with the default token do not start other workflows; to run CI on the release pull request, store a fine-grained token with contents and pull request write access as the secret `RELEASE_PLEASE_TOKEN`.',
        ].join(' '),
      },
    ],
  }),
};
