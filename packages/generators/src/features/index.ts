import type { FeatureId } from '@botsmith/shared';
import type { FeatureModule, GeneratorModule } from '../types';
import { adminFeature } from './admin';
import { aiFeature } from './ai';
import { analyticsFeature } from './analytics';
import { commandsFeature } from './commands';
import { healthFeature } from './health';
import { i18nFeature } from './i18n';
import { moderationFeature } from './moderation';
import { persistenceFeature } from './persistence';
import { scheduledFeature } from './scheduled';
import { sessionsFeature } from './sessions';

/**
 * One module per feature of the catalog (`FEATURE_IDS` in `@botsmith/shared`), keyed by its
 * id: a catalog feature without a module, or a module filed under another id, does not
 * compile. Which platforms a feature applies to and what it requires is the catalog's to say.
 */
export const FEATURE_MODULES: { readonly [Id in FeatureId]: FeatureModule<Id> } = {
  commands: commandsFeature,
  sessions: sessionsFeature,
  ai: aiFeature,
  moderation: moderationFeature,
  i18n: i18nFeature,
  scheduled: scheduledFeature,
  analytics: analyticsFeature,
  admin: adminFeature,
  health: healthFeature,
  persistence: persistenceFeature,
};

/** The feature's module as `generate` folds it: on exactly when the config chooses it. */
export function featureModule(id: FeatureId): GeneratorModule {
  return { ...FEATURE_MODULES[id], enabled: (config) => config.features.includes(id) };
}
