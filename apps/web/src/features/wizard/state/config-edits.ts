import {
  type BuildConfig,
  defaultFeaturesFor,
  FEATURE_IDS,
  type FeatureId,
  featureInfo,
  PLATFORM_IDS,
  type PlatformId,
  type PriorityId,
} from '@botsmith/shared';

// Pure edits of the wizard config: the components call these, the tests cover them.

/**
 * Adds or removes a platform, keeping the catalog order. Features still at the defaults of
 * the old platforms follow to the new platforms' defaults (a CLI-only bot drops `health`);
 * features the user picked are kept.
 */
export function togglePlatform(config: BuildConfig, id: PlatformId, on: boolean): BuildConfig {
  const chosen = new Set(config.platforms);
  if (on) chosen.add(id);
  else chosen.delete(id);
  const platforms = PLATFORM_IDS.filter((platform) => chosen.has(platform));
  const atDefaults = sameList(config.features, defaultFeaturesFor(config.platforms));
  const features = atDefaults ? defaultFeaturesFor(platforms) : config.features;
  return { ...config, platforms, features };
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

/** Appends a priority as the lowest-ranked pick, or removes it. */
export function togglePriority(config: BuildConfig, id: PriorityId, on: boolean): BuildConfig {
  const rest = config.priorities.filter((priority) => priority !== id);
  return { ...config, priorities: on ? [...rest, id] : rest };
}

/** Moves a picked priority up (-1) or down (+1) in the ranking. */
export function movePriority(config: BuildConfig, id: PriorityId, delta: -1 | 1): BuildConfig {
  const priorities = [...config.priorities];
  const from = priorities.indexOf(id);
  const to = from + delta;
  if (from === -1 || to < 0 || to >= priorities.length) return config;
  [priorities[from], priorities[to]] = [priorities[to] as PriorityId, id];
  return { ...config, priorities };
}

/** Every feature `id` needs, directly or through another requirement. */
export function requirementsOf(id: FeatureId): FeatureId[] {
  const found = new Set<FeatureId>();
  const visit = (feature: FeatureId) => {
    for (const required of featureInfo(feature).requires) {
      if (!found.has(required)) {
        found.add(required);
        visit(required);
      }
    }
  };
  visit(id);
  return [...found];
}

/** The chosen features that need `id`, so it cannot be removed while they are chosen. */
export function requiredBy(features: readonly FeatureId[], id: FeatureId): FeatureId[] {
  return features.filter((feature) => requirementsOf(feature).includes(id));
}

/**
 * Checks or unchecks a feature. Checking adds what it requires, and checking AI replies
 * picks a provider so the step is valid straight away.
 */
export function toggleFeature(config: BuildConfig, id: FeatureId, on: boolean): BuildConfig {
  const chosen = new Set(config.features);
  if (on) {
    chosen.add(id);
    for (const required of requirementsOf(id)) chosen.add(required);
  } else {
    chosen.delete(id);
  }
  const ai =
    on && id === 'ai' && config.ai.provider === 'none'
      ? { ...config.ai, provider: 'openai' as const }
      : config.ai;
  return { ...config, ai, features: FEATURE_IDS.filter((feature) => chosen.has(feature)) };
}

/** Reads a dotted path such as `sessions.store`. */
export function getAtPath(config: BuildConfig, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (node, key) =>
        typeof node === 'object' && node !== null
          ? (node as Record<string, unknown>)[key]
          : undefined,
      config,
    );
}

/** Returns a copy of the config with the value at a dotted path replaced. */
export function setAtPath(config: BuildConfig, path: string, value: unknown): BuildConfig {
  const assign = (node: unknown, keys: string[]): unknown => {
    const [key, ...rest] = keys;
    if (key === undefined) return value;
    const record =
      typeof node === 'object' && node !== null ? (node as Record<string, unknown>) : {};
    return { ...record, [key]: assign(record[key], rest) };
  };
  return assign(config, path.split('.')) as BuildConfig;
}
