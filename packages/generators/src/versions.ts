/**
 * The one table of versions the generator writes: npm packages of generated projects and
 * GitHub Actions of generated workflows. Updating a version is a one-line change here.
 *
 * Generated projects support Node 20.19+, which caps some majors: Vitest 4 (5 needs newer
 * Node), TypeScript 6 and `@types/node` 20 (types of the oldest supported Node).
 */
export const PACKAGE_VERSIONS = {
  'discord.js': '^14.28.1',
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
} as const;

/** The oldest Node version generated projects support (`engines.node`). */
export const MIN_NODE_VERSION = '20.19';

/** Node majors generated CI always tests on, besides the configured one. */
export const CI_NODE_MAJORS = ['20', '22', '24'] as const;
