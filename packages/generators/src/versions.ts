import type { NodeVersion } from '@botsmith/shared';

/**
 * The one table of versions the generator writes: npm packages of generated projects, the Node
 * runtime of each offered major, and GitHub Actions of generated workflows. Updating a version is
 * a one-line change here.
 *
 * Every package below supports each offered Node major (22.12+, 24, 26): Vitest 5 asks for
 * `^22.12.0 || ^24 || >=26`, openai 7 for >=22. Generated projects only run `tsc` (type-check and
 * emit to dist/), never TypeScript's JavaScript API, so they take TypeScript 7's native compiler.
 */
export const PACKAGE_VERSIONS = {
  'discord.js': '^14.28.1',
  openai: '^7.59.0',
  '@anthropic-ai/sdk': '^1.15.0',
  redis: '^6.3.1',
  pg: '^8.23.1',
  '@types/pg': '^8.23.1',
  pino: '^10.4.0',
  zod: '^4.6.7',
  // Development only: src/log.ts pretty-prints through it on a terminal outside production.
  'pino-pretty': '^13.2.0',
  croner: '^11.0.1',
  grammy: '^1.46.0',
  '@grammyjs/runner': '^2.0.3',
  '@slack/bolt': '^5.1.0',
  // Development only: the Slack test serves a fake Socket Mode WebSocket with it.
  ws: '^8.23.1',
  '@types/ws': '^8.18.2',
  'twitter-api-v2': '^1.29.1',
  hono: '^4.13.19',
  '@hono/node-server': '^2.1.9',
  tsx: '^4.23.15',
  // Exact: a new Biome release may add recommended rules, which would fail `lint` unasked.
  '@biomejs/biome': '2.6.9',
  // TypeScript's minors may break types, so patch updates only (`~`); the same for Vitest.
  typescript: '~7.0.2',
  vitest: '~5.1.2',
} as const;

/** What a generated project pins for the Node major it runs on. */
export interface NodeRuntime {
  /** `engines.node`: the oldest release of the major every dependency above supports. */
  engines: string;
  /** The Dockerfile's base image, both stages. */
  image: string;
  /** `@types/node` of the same major, so the types offer only APIs that Node has. */
  typesNode: string;
}

/**
 * One entry per Node major a project can choose (`NODE_VERSIONS`; the compiler checks every one
 * has an entry). Each is an LTS line on 2026-12-01: 22 maintenance until 2027-04-30, 24
 * maintenance since 2026-10-20, 26 active since 2026-10-28.
 */
export const NODE_RUNTIMES = {
  // 22.12 is Vitest 5's floor on the 22 line.
  '22': { engines: '>=22.12.0', image: 'node:22-slim', typesNode: '^22.20.7' },
  '24': { engines: '>=24.0.0', image: 'node:24-slim', typesNode: '^24.19.4' },
  '26': { engines: '>=26.0.0', image: 'node:26-slim', typesNode: '^26.6.11' },
} as const satisfies Record<NodeVersion, NodeRuntime>;

/** A package a module may add to a generated `package.json`. */
export type DependencyName = keyof typeof PACKAGE_VERSIONS | '@types/node';

/**
 * The version range of a generated dependency; `@types/node` follows the chosen Node major.
 *
 * @example dependencyVersion('@types/node', '24') // '^24.19.4'
 */
export function dependencyVersion(name: DependencyName, nodeVersion: NodeVersion): string {
  return name === '@types/node' ? NODE_RUNTIMES[nodeVersion].typesNode : PACKAGE_VERSIONS[name];
}

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

/**
 * The `packageManager` field of a generated package.json: the exact release a project was
 * generated for. Corepack and pnpm/action-setup read it, so CI and a contributor's machine
 * install with the same manager. Keep the pnpm entry on `PNPM_MAJOR`.
 */
export const PACKAGE_MANAGER_RELEASES = {
  npm: 'npm@11.19.1',
  pnpm: 'pnpm@10.34.9',
} as const;

/** Service containers generated CI runs the session store tests against. */
export const SERVICE_IMAGES = {
  redis: 'redis:7-alpine',
  postgres: 'postgres:17-alpine',
} as const;

/** The Railway CLI the deploy workflow runs with npx, pinned to its current major. */
export const RAILWAY_CLI = '@railway/cli@5';
