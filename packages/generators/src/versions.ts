/**
 * The one table of versions the generator writes: npm packages of generated projects and
 * GitHub Actions of generated workflows. Updating a version is a one-line change here.
 *
 * Generated projects support Node 20.19+, which caps some majors: Vitest 4 (5 needs newer
 * Node), TypeScript 6 and `@types/node` 20 (types of the oldest supported Node).
 */
export const PACKAGE_VERSIONS = {
  'discord.js': '^14.28.1',
  // openai 7 needs Node 22; the 6.x line still supports Node 20.
  openai: '^6.49.0',
  '@anthropic-ai/sdk': '^1.12.0',
  redis: '^6.3.1',
  pg: '^8.23.1',
  '@types/pg': '^8.23.1',
  pino: '^10.4.0',
  croner: '^11.0.1',
  grammy: '^1.46.0',
  '@slack/bolt': '^5.1.0',
  'twitter-api-v2': '^1.29.1',
  hono: '^4.13.19',
  '@hono/node-server': '^2.1.8',
  tsx: '^4.23.15',
  typescript: '~6.0.3',
  vitest: '~4.1.12',
  '@types/node': '^20.19.43',
} as const;

/** A package a module may add to a generated `package.json`. */
export type DependencyName = keyof typeof PACKAGE_VERSIONS;

/** `uses:` references of GitHub Actions, pinned to their current major (SPEC §5.1). */
export const ACTION_VERSIONS = {
  checkout: 'actions/checkout@v7',
  setupNode: 'actions/setup-node@v7',
  setupPnpm: 'pnpm/action-setup@v6',
  dockerSetupBuildx: 'docker/setup-buildx-action@v4',
  dockerLogin: 'docker/login-action@v4',
  dockerMetadata: 'docker/metadata-action@v6',
  dockerBuildPush: 'docker/build-push-action@v7',
  setupFlyctl: 'superfly/flyctl-actions/setup-flyctl@v1',
  codeqlInit: 'github/codeql-action/init@v4',
  codeqlAnalyze: 'github/codeql-action/analyze@v4',
  dependencyReview: 'actions/dependency-review-action@v5',
  releasePlease: 'googleapis/release-please-action@v5',
} as const;

/** The pnpm major generated projects and workflows use when pnpm is the package manager. */
export const PNPM_MAJOR = '10';

/** Service containers generated CI runs the session store tests against. */
export const SERVICE_IMAGES = {
  redis: 'redis:7-alpine',
  postgres: 'postgres:17-alpine',
} as const;

/** The Railway CLI the deploy workflow runs with npx, pinned to its current major. */
export const RAILWAY_CLI = '@railway/cli@5';

/** The oldest Node version generated projects support (`engines.node`). */
export const MIN_NODE_VERSION = '20.19';

/** Node majors generated CI always tests on, besides the configured one. */
export const CI_NODE_MAJORS = ['20', '22', '24'] as const;
