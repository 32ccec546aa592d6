import {
  AI_PROVIDERS,
  type BuildConfigInput,
  DEPLOY_TARGETS,
  deployUnavailableReason,
  FEATURE_IDS,
  type FeatureId,
  featureUnavailableReason,
  PLATFORM_IDS,
  type PlatformId,
  SESSION_STORES,
} from '@botsmith/shared';
import { ALL_AUTOMATION } from '../test/helpers';

/** One generated project the matrix installs, type-checks, builds, tests and starts. */
export interface MatrixEntry {
  name: string;
  input: BuildConfigInput;
  /** Part of the representative subset CI runs (`pnpm verify:generated --subset`). */
  ci: boolean;
}

const DEFAULT_FEATURES: readonly FeatureId[] = ['commands', 'sessions', 'health'];

/** The wanted features minus those none of the platforms can support (no HTTP in a CLI bot). */
function featuresFor(platforms: readonly PlatformId[], wanted = DEFAULT_FEATURES): FeatureId[] {
  return wanted.filter((id) => featureUnavailableReason(id, platforms) === null);
}

// A small, fast platform for the entries about something other than platforms.
const BASE = { platforms: ['telegram'] } satisfies BuildConfigInput;

/**
 * The matrix: each platform alone, all seven together, each session store (with persistence),
 * each AI provider, each deploy target with its workflow, the minimal and the maximal project,
 * pnpm as the package manager, every feature without conversation memory, and each Node major
 * besides the default 24: every platform and feature on 22, all seven platforms on 26.
 *
 * The CI subset (`ci: true`) runs every adapter, the CLI-only project (per-platform defaults), every store against a real server (memory in
 * all-seven, PostgreSQL, Redis with pnpm), both AI providers, the image workflow, the smallest and
 * largest projects, every feature without sessions, and every dependency on Node 22, the oldest
 * major offered, where a dependency dropping it would show first. It leaves out each platform
 * alone, the other deploy targets, whose differences are workflow files that unit tests lint, and
 * Node 26, which the generated CI tests on besides 24 anyway.
 */
export const MATRIX: readonly MatrixEntry[] = [
  ...PLATFORM_IDS.filter((platform) => platform !== 'cli').map((platform) => ({
    name: `${platform}-alone`,
    input: { platforms: [platform], features: featuresFor([platform]) },
    ci: false,
  })),
  // No features given: the per-platform defaults, and a project with nothing to deploy.
  { name: 'cli-only', input: { platforms: ['cli'] }, ci: true },
  { name: 'all-seven', input: { platforms: [...PLATFORM_IDS] }, ci: true },
  ...SESSION_STORES.map((store) => ({
    name: `store-${store}`,
    input: {
      ...BASE,
      features: featuresFor(BASE.platforms, [...DEFAULT_FEATURES, 'persistence']),
      sessions: { store },
    },
    ci: store === 'postgres',
  })),
  ...AI_PROVIDERS.filter((provider) => provider !== 'none').map((provider) => ({
    name: `ai-${provider}`,
    input: {
      ...BASE,
      features: featuresFor(BASE.platforms, [...DEFAULT_FEATURES, 'ai', 'i18n']),
      ai: { provider },
    },
    ci: false,
  })),
  ...DEPLOY_TARGETS.filter((target) => target !== 'none').map((target) => ({
    name: `deploy-${target}`,
    input: { ...BASE, deploy: { target }, automation: { deploy: true } },
    ci: target === 'docker-ghcr',
  })),
  {
    name: 'minimal',
    input: { ...BASE, project: { name: 'minimal-bot' }, features: [], automation: { ci: false } },
    ci: true,
  },
  {
    name: 'maximal',
    input: {
      project: { name: 'maximal-bot' },
      platforms: [...PLATFORM_IDS],
      features: [...FEATURE_IDS],
      ai: { provider: 'openai' },
      sessions: { store: 'postgres' },
      deploy: { target: 'docker-ghcr' },
      automation: ALL_AUTOMATION,
    },
    ci: true,
  },
  {
    name: 'pnpm',
    input: {
      ...BASE,
      features: FEATURE_IDS.filter((id) => id !== 'ai'),
      runtime: { packageManager: 'pnpm' },
      sessions: { store: 'redis' },
    },
    ci: true,
  },
  {
    name: 'node-22',
    input: {
      project: { name: 'node22-bot' },
      platforms: [...PLATFORM_IDS],
      features: [...FEATURE_IDS],
      ai: { provider: 'openai' },
      sessions: { store: 'postgres' },
      runtime: { nodeVersion: '22' },
    },
    ci: true,
  },
  {
    name: 'node-26',
    input: {
      project: { name: 'node26-bot' },
      platforms: [...PLATFORM_IDS],
      runtime: { nodeVersion: '26' },
    },
    ci: false,
  },
  {
    name: 'all-seven-no-sessions',
    input: {
      platforms: [...PLATFORM_IDS],
      features: FEATURE_IDS.filter((id) => id !== 'sessions' && id !== 'persistence'),
      ai: { provider: 'anthropic' },
    },
    ci: true,
  },
];

/**
 * The entries a host can run, for tests that deploy every entry to every target: a CLI-only
 * project has no service to deploy, and the schema refuses a deploy target for it.
 */
export const DEPLOYABLE_MATRIX: readonly MatrixEntry[] = MATRIX.filter(
  (entry) => deployUnavailableReason({ platforms: entry.input.platforms ?? ['discord'] }) === null,
);

/**
 * Picks entries by a comma-separated list of names, `subset` (the CI entries) or `all`; an
 * unknown name throws, listing the known ones.
 *
 * @example selectEntries('subset') // what CI runs
 * @example selectEntries('minimal,cli-only')
 */
export function selectEntries(selection: string): MatrixEntry[] {
  const names = selection
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  if (names.includes('all')) return [...MATRIX];
  const unknown = names.filter(
    (name) => name !== 'subset' && !MATRIX.some((entry) => entry.name === name),
  );
  if (unknown.length > 0) {
    const known = ['all', 'subset', ...MATRIX.map((entry) => entry.name)].join(', ');
    throw new Error(`Unknown matrix entries: ${unknown.join(', ')}. Known: ${known}`);
  }
  return MATRIX.filter(
    (entry) => names.includes(entry.name) || (entry.ci && names.includes('subset')),
  );
}
