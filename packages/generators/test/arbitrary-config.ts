import {
  AI_PROVIDERS,
  type BuildConfigInput,
  COMPLEXITIES,
  DEPLOY_TARGETS,
  deployUnavailableReason,
  FEATURE_IDS,
  type FeatureId,
  featureInfo,
  featureUnavailableReason,
  LICENSES,
  NODE_VERSIONS,
  PACKAGE_MANAGERS,
  PLATFORM_IDS,
  type PlatformId,
  PRIORITY_IDS,
  projectNameSchema,
  SESSION_STORES,
  TEAM_SIZES,
} from '@botsmith/shared';
import fc from 'fast-check';

/**
 * Drops what the chosen platforms cannot support and what lacks a required feature, until
 * the list is stable: the valid combinations the wizard offers.
 */
export function validFeatures(
  features: readonly FeatureId[],
  platforms: readonly PlatformId[],
): FeatureId[] {
  let kept = features.filter((id) => featureUnavailableReason(id, platforms) === null);
  for (;;) {
    const next = kept.filter((id) => featureInfo(id).requires.every((r) => kept.includes(r)));
    if (next.length === kept.length) return next;
    kept = next;
  }
}

// Names the schema accepts that are also names of Object.prototype members.
const TRICKY_NAMES = [
  'constructor',
  'prototype',
  'hasownproperty',
  'tostring',
  'a',
  '0',
  'x.y_z-1',
];

/** A project name valid per the schema, varied in length and punctuation. */
export const projectNameArbitrary = fc
  .oneof(
    fc.constantFrom(...TRICKY_NAMES),
    fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,40}$/),
    fc.constant('a'.repeat(100)),
  )
  .filter((name) => projectNameSchema.safeParse(name).success);

/** Free text of a config, in the three fields that hold it. */
export interface FreeText {
  displayName: string;
  description: string;
  systemPrompt: string;
}

/**
 * A wizard answer set with every choice drawn from the shared catalogs, combined the way the
 * wizard allows (features valid for the platforms, an AI provider with "ai", a deploy
 * workflow only with a target). Free text is left at its defaults: see `withFreeText`.
 */
export const choicesArbitrary = fc
  .record({
    platforms: fc.shuffledSubarray([...PLATFORM_IDS], { minLength: 1 }),
    priorities: fc.shuffledSubarray([...PRIORITY_IDS]),
    features: fc.shuffledSubarray([...FEATURE_IDS]),
    aiProvider: fc.constantFrom(...AI_PROVIDERS),
    name: projectNameArbitrary,
    license: fc.constantFrom(...LICENSES),
    nodeVersion: fc.constantFrom(...NODE_VERSIONS),
    packageManager: fc.constantFrom(...PACKAGE_MANAGERS),
    store: fc.constantFrom(...SESSION_STORES),
    ttlSeconds: fc.integer({ min: 60, max: 60 * 60 * 24 * 30 }),
    target: fc.constantFrom(...DEPLOY_TARGETS),
    automation: fc.record({
      ci: fc.boolean(),
      deploy: fc.boolean(),
      codeql: fc.boolean(),
      dependencyReview: fc.boolean(),
      release: fc.boolean(),
      dependabot: fc.boolean(),
    }),
    size: fc.constantFrom(...TEAM_SIZES),
    complexity: fc.constantFrom(...COMPLEXITIES),
  })
  .map((c): BuildConfigInput => {
    const features = validFeatures(c.features, c.platforms);
    // A terminal-only bot has nothing to deploy, as in the wizard.
    const target = deployUnavailableReason(c) ? 'none' : c.target;
    return {
      platforms: c.platforms,
      priorities: c.priorities,
      features,
      ai: {
        provider: features.includes('ai') && c.aiProvider === 'none' ? 'openai' : c.aiProvider,
      },
      project: { name: c.name, license: c.license },
      runtime: { nodeVersion: c.nodeVersion, packageManager: c.packageManager },
      sessions: { store: c.store, ttlSeconds: c.ttlSeconds },
      deploy: { target },
      automation: { ...c.automation, deploy: c.automation.deploy && target !== 'none' },
      team: { size: c.size, complexity: c.complexity },
    };
  });

/** The answers (or a whole config) with the free text put in. */
export function withFreeText<T extends BuildConfigInput>(input: T, text: FreeText): T {
  return {
    ...input,
    ai: { ...input.ai, systemPrompt: text.systemPrompt },
    project: { ...input.project, displayName: text.displayName, description: text.description },
  };
}
