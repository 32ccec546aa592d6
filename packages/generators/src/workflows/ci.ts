import type { BuildConfig } from '@botsmith/shared';
import { compareStrings } from '../lib/sort';
import { expression } from '../lib/yaml';
import type { GeneratorModule } from '../types';
import { ACTION_VERSIONS, CI_NODE_MAJORS } from '../versions';

// No lockfile is generated (it would need the registry), so CI installs with `npm ci` once
// the user commits package-lock.json and with `npm install` until then.
const INSTALL =
  'if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi';

function nodeMatrix(config: BuildConfig): string[] {
  const majors = new Set<string>([...CI_NODE_MAJORS, config.runtime.nodeVersion]);
  return [...majors].sort((a, b) => compareStrings(a.padStart(3, '0'), b.padStart(3, '0')));
}

/**
 * The CI workflow object: type-check, test and build on every supported Node major, with
 * read-only permissions, superseded runs cancelled and credentials not persisted.
 */
export function ciWorkflow(config: BuildConfig): Record<string, unknown> {
  return {
    name: 'CI',
    on: {
      push: { branches: ['main'] },
      pull_request: {},
      workflow_dispatch: {},
    },
    permissions: { contents: 'read' },
    concurrency: {
      group: `${expression('github.workflow')}-${expression('github.ref')}`,
      'cancel-in-progress': true,
    },
    jobs: {
      test: {
        name: `Test (Node ${expression('matrix.node')})`,
        'runs-on': 'ubuntu-latest',
        'timeout-minutes': 15,
        strategy: { 'fail-fast': false, matrix: { node: nodeMatrix(config) } },
        steps: [
          { uses: ACTION_VERSIONS.checkout, with: { 'persist-credentials': false } },
          {
            uses: ACTION_VERSIONS.setupNode,
            with: {
              'node-version': expression('matrix.node'),
              cache: 'npm',
              // Hashes package.json, and package-lock.json once it is committed.
              'cache-dependency-path': 'package*.json',
            },
          },
          { name: 'Install dependencies', run: INSTALL },
          { name: 'Type-check', run: 'npm run typecheck' },
          { name: 'Test', run: 'npm test' },
          { name: 'Build', run: 'npm run build' },
        ],
      },
    },
  };
}

/** `.github/workflows/ci.yml` when the CI automation is chosen. */
export const ciModule: GeneratorModule = {
  id: 'ci',
  label: 'CI workflow',
  enabled: (config) => config.automation.ci,
  contribute: (config) => ({
    workflows: [{ name: 'ci', workflow: ciWorkflow(config) }],
    readme: [
      {
        order: 80,
        title: 'Continuous integration',
        body: `\`.github/workflows/ci.yml\` type-checks, tests and builds every push to \`main\` and every pull request on Node ${nodeMatrix(config).join(', ')}. Commit \`package-lock.json\` after your first \`npm install\` so CI installs exactly what you tested with.`,
      },
    ],
  }),
};
