import type { BuildConfig } from '@botsmith/shared';
import { packageManagerOf } from '../lib/package-manager';
import { expression } from '../lib/yaml';
import type { GeneratorModule } from '../types';
import { NODE_RUNTIMES, SERVICE_IMAGES } from '../versions';
import { checkoutStep, setupNodeSteps, verifySteps } from './steps';

/** The name deploy workflows wait for (`workflow_run`); keep in sync with `ciWorkflow`. */
export const CI_WORKFLOW_NAME = 'CI';

/**
 * The Node majors CI tests on: the chosen one and the next LTS line after it, so the upgrade is
 * proven before the chosen line's end of life. Every offered major is an LTS line, so the next
 * LTS is the next offered major: 22 → 22, 24; 24 → 24, 26; 26 → 26 alone until Node 27 (the
 * first of the yearly LTS lines, LTS from October 2027) is offered in `NODE_RUNTIMES`.
 *
 * @example nodeMatrix(buildConfigSchema.parse({ runtime: { nodeVersion: '22' } })) // ['22', '24']
 */
export function nodeMatrix(config: BuildConfig): string[] {
  const chosen = Number(config.runtime.nodeVersion);
  const newer = Object.keys(NODE_RUNTIMES)
    .map(Number)
    .filter((major) => major > chosen);
  return [chosen, ...(newer.length > 0 ? [Math.min(...newer)] : [])].map(String);
}

function nodesInWords(config: BuildConfig): string {
  const [chosen, next] = nodeMatrix(config);
  return next
    ? `Node ${chosen} and on Node ${next}, the next LTS release line, so moving to it is tested before ${chosen} reaches its end of life`
    : `Node ${chosen}`;
}

/**
 * The CI workflow object: lint (Biome, `npm run lint`), type-check, test and
 * build on the chosen Node major and the next LTS one, with read-only permissions, superseded
 * runs cancelled, credentials not persisted and the package manager's cache; installs are
 * frozen to the lockfile.
 */
export function ciWorkflow(config: BuildConfig): Record<string, unknown> {
  const pm = packageManagerOf(config);
  return {
    name: CI_WORKFLOW_NAME,
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
        ...servicesFor(config),
        steps: [
          checkoutStep(),
          ...setupNodeSteps(config, expression('matrix.node')),
          ...verifySteps(config),
          { name: 'Build', run: pm.run('build') },
        ],
      },
    },
  };
}

/**
 * Service containers for the chosen session store, so its tests run in CI against a real
 * server instead of being skipped (they read REDIS_URL / DATABASE_URL).
 */
function servicesFor(config: BuildConfig): Record<string, unknown> {
  if (!config.features.includes('sessions')) return {};
  if (config.sessions.store === 'redis') {
    return {
      env: { REDIS_URL: 'redis://localhost:6379' },
      services: {
        redis: {
          image: SERVICE_IMAGES.redis,
          ports: ['6379:6379'],
          options:
            '--health-cmd "redis-cli ping" --health-interval 5s --health-timeout 3s --health-retries 10',
        },
      },
    };
  }
  if (config.sessions.store === 'postgres') {
    return {
      env: { DATABASE_URL: 'postgres://postgres:postgres@localhost:5432/bot' },
      services: {
        postgres: {
          image: SERVICE_IMAGES.postgres,
          env: { POSTGRES_PASSWORD: 'postgres', POSTGRES_DB: 'bot' },
          ports: ['5432:5432'],
          options:
            '--health-cmd pg_isready --health-interval 5s --health-timeout 3s --health-retries 10',
        },
      },
    };
  }
  return {};
}

/** `.github/workflows/ci.yml` when the CI automation is chosen. */
export const ciModule: GeneratorModule<'ci'> = {
  id: 'ci',
  label: 'CI workflow',
  enabled: (config) => config.automation.ci,
  contribute: (config) => ({
    workflows: [{ name: 'ci', workflow: ciWorkflow(config) }],
    readme: [
      {
        order: 80,
        title: 'Continuous integration',
        body: `\`.github/workflows/ci.yml\` type-checks, tests and builds every push to \`main\` and every pull request on ${nodesInWords(config)}${config.sessions.store === 'memory' || !config.features.includes('sessions') ? '' : `, with a ${config.sessions.store === 'redis' ? 'Redis' : 'PostgreSQL'} service container so the session store tests run against a real server`}. Commit \`${packageManagerOf(config).lockfile}\` after your first \`${packageManagerOf(config).name} install\` so CI installs exactly what you tested with.`,
      },
    ],
  }),
};
