import { expression } from '../lib/yaml';
import type { GeneratorModule } from '../types';
import { ACTION_VERSIONS } from '../versions';
import { checkoutStep } from './steps';

/**
 * CodeQL code scanning for JavaScript/TypeScript on pushes, pull requests and weekly (new
 * queries find old bugs). `build-mode: none`: TypeScript needs no build to be analysed.
 */
export function codeqlWorkflow(): Record<string, unknown> {
  return {
    name: 'CodeQL',
    on: {
      push: { branches: ['main'] },
      pull_request: { branches: ['main'] },
      schedule: [{ cron: '17 4 * * 1' }],
    },
    permissions: { contents: 'read' },
    concurrency: {
      group: `codeql-${expression('github.ref')}`,
      'cancel-in-progress': true,
    },
    jobs: {
      analyze: {
        name: 'Analyze (javascript-typescript)',
        'runs-on': 'ubuntu-latest',
        'timeout-minutes': 30,
        permissions: { contents: 'read', 'security-events': 'write', actions: 'read' },
        steps: [
          checkoutStep(),
          {
            uses: ACTION_VERSIONS.codeqlInit,
            with: {
              languages: 'javascript-typescript',
              'build-mode': 'none',
              queries: 'security-extended',
            },
          },
          {
            uses: ACTION_VERSIONS.codeqlAnalyze,
            with: { category: '/language:javascript-typescript' },
          },
        ],
      },
    },
  };
}

/** Dependency review: a pull request that adds a vulnerable dependency fails. */
export function dependencyReviewWorkflow(): Record<string, unknown> {
  return {
    name: 'Dependency review',
    on: { pull_request: { branches: ['main'] } },
    permissions: { contents: 'read' },
    concurrency: {
      group: `dependency-review-${expression('github.event.pull_request.number')}`,
      'cancel-in-progress': true,
    },
    jobs: {
      review: {
        name: 'Review dependency changes',
        'runs-on': 'ubuntu-latest',
        'timeout-minutes': 10,
        steps: [
          checkoutStep(),
          {
            uses: ACTION_VERSIONS.dependencyReview,
            with: { 'fail-on-severity': 'moderate' },
          },
        ],
      },
    },
  };
}

/** `.github/workflows/codeql.yml` when the CodeQL automation is chosen. */
export const codeqlModule: GeneratorModule<'codeql'> = {
  id: 'codeql',
  label: 'CodeQL',
  enabled: (config) => config.automation.codeql,
  contribute: () => ({
    workflows: [{ name: 'codeql', workflow: codeqlWorkflow() }],
    readme: [
      {
        order: 81,
        title: 'Code scanning',
        body: '`.github/workflows/codeql.yml` runs GitHub CodeQL (security-extended queries) on every push to `main`, every pull request and weekly; findings appear under Security → Code scanning.',
      },
    ],
  }),
};

/** `.github/workflows/dependency-review.yml` when the dependency review automation is chosen. */
export const dependencyReviewModule: GeneratorModule<'dependencyReview'> = {
  id: 'dependencyReview',
  label: 'Dependency review',
  enabled: (config) => config.automation.dependencyReview,
  contribute: () => ({
    workflows: [{ name: 'dependency-review', workflow: dependencyReviewWorkflow() }],
    readme: [
      {
        order: 82,
        title: 'Dependency review',
        body: '`.github/workflows/dependency-review.yml` fails a pull request that adds a dependency with a known vulnerability of moderate severity or worse. It needs the dependency graph, which public repositories have and private ones get with GitHub Advanced Security.',
      },
    ],
  }),
};
