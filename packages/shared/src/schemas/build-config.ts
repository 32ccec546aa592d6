import { z } from 'zod';
import {
  defaultFeaturesFor,
  FEATURE_IDS,
  featureInfo,
  featureUnavailableReason,
} from '../catalog/features';
import { deployUnavailableReason, PLATFORM_IDS } from '../catalog/platforms';
import { PRIORITY_IDS } from '../catalog/priorities';
import { projectNameSchema } from './project-name';
import { safeText } from './text';

/**
 * The current `BuildConfig` schema version; stored configs carry it, and `upgradeBuildConfig`
 * brings older ones up to it. Version 2 dropped Node 20 (end of life) and added Node 26.
 */
export const BUILD_CONFIG_SCHEMA_VERSION = 2;

function uniqueList<T extends z.ZodType>(item: T) {
  return z.array(item).refine((list) => new Set(list).size === list.length, {
    message: 'must not list the same value twice',
  });
}

export const SESSION_STORES = ['memory', 'redis', 'postgres'] as const;
export const AI_PROVIDERS = ['none', 'openai', 'anthropic'] as const;
export const DEPLOY_TARGETS = ['none', 'docker-ghcr', 'railway', 'fly', 'render'] as const;
export const LICENSES = ['MIT', 'Apache-2.0', 'ISC', 'GPL-3.0-only', 'UNLICENSED'] as const;
/** Node majors a generated project can run on: the LTS lines of SPEC §5.1. */
export const NODE_VERSIONS = ['22', '24', '26'] as const;
/** The Node major a generated project runs on. */
export type NodeVersion = (typeof NODE_VERSIONS)[number];
export const PACKAGE_MANAGERS = ['npm', 'pnpm'] as const;
export const TEAM_SIZES = ['solo', 'small', 'medium', 'large'] as const;
export const COMPLEXITIES = ['simple', 'moderate', 'complex'] as const;

/** Step 1 — which platforms get an adapter. */
export const platformStepSchema = z.strictObject({
  platforms: uniqueList(z.enum(PLATFORM_IDS))
    .min(1, 'choose at least one platform')
    .default(['discord']),
});

/** Step 2 — ordered priorities that drive recommended defaults. */
export const prioritiesStepSchema = z.strictObject({
  priorities: uniqueList(z.enum(PRIORITY_IDS)).default(['time-to-market', 'maintainability']),
});

/**
 * Step 3 — features and the AI provider behind "AI replies". Without `features` the config
 * gets `defaultFeaturesFor(platforms)`, filled in by `buildConfigDraftSchema`, since the
 * defaults depend on step 1.
 */
export const featuresStepSchema = z.strictObject({
  features: uniqueList(z.enum(FEATURE_IDS)).optional(),
  ai: z
    .strictObject({
      provider: z.enum(AI_PROVIDERS).default('none'),
      systemPrompt: safeText({ max: 2000, multiline: true }).default(
        'You are a friendly, concise assistant.',
      ),
    })
    .prefault({}),
});

/** Step 4 — project identity, runtime, session store, deployment, automation and team. */
export const configurationStepSchema = z.strictObject({
  project: z
    .strictObject({
      name: projectNameSchema.default('my-bot'),
      displayName: safeText({ max: 100 }).min(1, 'is required').default('My Bot'),
      description: safeText({ max: 500 }).default('A chat bot built with Botsmith.'),
      license: z.enum(LICENSES).default('MIT'),
    })
    .prefault({}),
  runtime: z
    .strictObject({
      nodeVersion: z.enum(NODE_VERSIONS).default('24'),
      packageManager: z.enum(PACKAGE_MANAGERS).default('npm'),
    })
    .prefault({}),
  sessions: z
    .strictObject({
      store: z.enum(SESSION_STORES).default('memory'),
      ttlSeconds: z
        .number()
        .int('must be a whole number of seconds')
        .min(60, 'must be at least 60 seconds')
        .max(60 * 60 * 24 * 30, 'must be at most 30 days')
        .default(60 * 60 * 24),
    })
    .prefault({}),
  deploy: z.strictObject({ target: z.enum(DEPLOY_TARGETS).default('none') }).prefault({}),
  automation: z
    .strictObject({
      ci: z.boolean().default(true),
      deploy: z.boolean().default(false),
      codeql: z.boolean().default(false),
      dependencyReview: z.boolean().default(false),
      release: z.boolean().default(false),
      dependabot: z.boolean().default(true),
    })
    .prefault({}),
  team: z
    .strictObject({
      size: z.enum(TEAM_SIZES).default('solo'),
      complexity: z.enum(COMPLEXITIES).default('simple'),
    })
    .prefault({}),
});

/**
 * Every wizard field, composed from the step schemas, without the checks across fields
 * (features the chosen platforms lack, features' requirements, the AI provider, the deploy
 * target): a saved draft may be unfinished, but never holds unknown keys or invalid values.
 * Defaults apply as in `buildConfigSchema`.
 *
 * @example
 * buildConfigDraftSchema.parse({ features: ['ai'] }); // fine for a draft: no AI provider yet
 */
export const buildConfigDraftSchema = z
  .strictObject({
    schemaVersion: z.literal(BUILD_CONFIG_SCHEMA_VERSION).default(BUILD_CONFIG_SCHEMA_VERSION),
    ...platformStepSchema.shape,
    ...prioritiesStepSchema.shape,
    ...featuresStepSchema.shape,
    ...configurationStepSchema.shape,
  })
  // Rebuilt in the fields' order, so a stored config reads the same with or without defaults.
  .transform(({ schemaVersion, platforms, priorities, features, ...rest }) => ({
    schemaVersion,
    platforms,
    priorities,
    features: features ?? defaultFeaturesFor(platforms),
    ...rest,
  }));

/** A draft's configuration as stored: complete field by field, maybe not yet consistent. */
export type BuildConfigDraft = z.output<typeof buildConfigDraftSchema>;

/**
 * The whole wizard as one schema: the draft's fields plus the checks across them.
 * `buildConfigSchema.parse({})` is a valid config; unknown keys and invalid values are
 * rejected with messages that name the field.
 *
 * @example
 * const config = buildConfigSchema.parse({ platforms: ['telegram'], project: { name: 'hi' } });
 */
export const buildConfigSchema = buildConfigDraftSchema.superRefine((config, ctx) => {
  config.features.forEach((feature, index) => {
    const reason = featureUnavailableReason(feature, config.platforms);
    if (reason) {
      ctx.addIssue({ code: 'custom', path: ['features', index], message: reason });
    }
    for (const required of featureInfo(feature).requires) {
      if (!config.features.includes(required)) {
        ctx.addIssue({
          code: 'custom',
          path: ['features', index],
          message: `"${feature}" needs the "${required}" feature`,
        });
      }
    }
  });
  if (config.features.includes('ai') && config.ai.provider === 'none') {
    ctx.addIssue({
      code: 'custom',
      path: ['ai', 'provider'],
      message: 'choose an AI provider for the "ai" feature',
    });
  }
  const noDeploy = deployUnavailableReason(config);
  if (noDeploy && config.deploy.target !== 'none') {
    ctx.addIssue({ code: 'custom', path: ['deploy', 'target'], message: noDeploy });
  }
  if (noDeploy && config.automation.deploy) {
    ctx.addIssue({ code: 'custom', path: ['automation', 'deploy'], message: noDeploy });
  } else if (config.automation.deploy && config.deploy.target === 'none') {
    ctx.addIssue({
      code: 'custom',
      path: ['automation', 'deploy'],
      message: 'a deploy workflow needs a deploy target (deploy.target)',
    });
  }
});

/** A validated wizard configuration, the generator's only input. */
export type BuildConfig = z.output<typeof buildConfigSchema>;
/** An automation option of wizard step 4 (a key of `BuildConfig['automation']`). */
export type AutomationId = keyof BuildConfig['automation'];
/** What a caller may pass before defaults are applied. */
export type BuildConfigInput = z.input<typeof buildConfigSchema>;
