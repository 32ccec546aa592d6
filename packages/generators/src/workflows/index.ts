import type { AutomationId } from '@botsmith/shared';
import type { GeneratorModule } from '../types';
import { ciModule } from './ci';
import { dependabotModule } from './dependabot';
import { deployModule } from './deploy';
import { releaseModule } from './release';
import { codeqlModule, dependencyReviewModule } from './security';

/**
 * One module per automation option of the config (`BuildConfig['automation']`), keyed by it,
 * in the order `generate` folds them: an option without a module does not compile. Each
 * decides when it is on; the deploy module also writes the deploy target's files and README
 * section when only a target is chosen.
 */
export const AUTOMATION_MODULES: { readonly [Id in AutomationId]: GeneratorModule<Id> } = {
  ci: ciModule,
  deploy: deployModule,
  codeql: codeqlModule,
  dependencyReview: dependencyReviewModule,
  release: releaseModule,
  dependabot: dependabotModule,
};
