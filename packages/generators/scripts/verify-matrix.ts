import {
  AI_PROVIDERS,
  type BuildConfigInput,
  DEPLOY_TARGETS,
  FEATURE_IDS,
  type FeatureId,
  featureUnavailableReason,
  PLATFORM_IDS,
  type PlatformId,
  SESSION_STORES,
} from '@botsmith/shared';

/** One generated project `pnpm verify:generated` installs, type-checks, builds and tests. */
export interface VerifyEntry {
  name: string;
  input: BuildConfigInput;
  /** Part of the representative subset CI runs (`--subset`). */
  ci: boolean;
}

const DEFAULT_FEATURES: readonly FeatureId[] = ['commands', 'sessions', 'health'];

/** The default features minus those none of the platforms can support (no HTTP in a CLI bot). */
function featuresFor(platforms: readonly PlatformId[], wanted = DEFAULT_FEATURES): FeatureId[] {
  return wanted.filter((id) => featureUnavailableReason(id, platforms) === null);
}

// A small, fast platform for the entries about something other than platforms.
const BASE = { platforms: ['telegram'] } satisfies BuildConfigInput;

/**
 * The matrix: each platform alone, all seven together, each session store, each AI provider,
 * each deploy target, and the minimal and maximal projects. Entries a generator version cannot
 * produce yet are reported as skipped, so the same matrix serves before and after a feature
 * lands.
 */
export const VERIFY_MATRIX: readonly VerifyEntry[] = [
  ...PLATFORM_IDS.map((platform) => ({
    name: `${platform}-alone`,
    input: { platforms: [platform], features: featuresFor([platform]) },
    ci: false,
  })),
  { name: 'all-seven', input: { platforms: [...PLATFORM_IDS] }, ci: true },
  ...SESSION_STORES.map((store) => ({
    name: `store-${store}`,
    input: { ...BASE, features: featuresFor(BASE.platforms), sessions: { store } },
    ci: store === 'postgres',
  })),
  ...AI_PROVIDERS.filter((provider) => provider !== 'none').map((provider) => ({
    name: `ai-${provider}`,
    input: {
      ...BASE,
      features: featuresFor(BASE.platforms, [...DEFAULT_FEATURES, 'ai']),
      ai: { provider },
    },
    ci: false,
  })),
  ...DEPLOY_TARGETS.filter((target) => target !== 'none').map((target) => ({
    name: `deploy-${target}`,
    input: { ...BASE, deploy: { target }, automation: { deploy: true } },
    ci: target === 'docker-ghcr',
  })),
  { name: 'minimal', input: { ...BASE, features: [] }, ci: true },
  {
    name: 'maximal',
    input: {
      platforms: [...PLATFORM_IDS],
      features: featuresFor(PLATFORM_IDS, FEATURE_IDS),
      ai: { provider: 'openai' },
      sessions: { store: 'postgres' },
      deploy: { target: 'docker-ghcr' },
      automation: {
        ci: true,
        deploy: true,
        codeql: true,
        dependencyReview: true,
        release: true,
        dependabot: true,
      },
    },
    ci: true,
  },
];
