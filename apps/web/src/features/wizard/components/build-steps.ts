import { lazy } from 'react';
import { ConfigurationStep } from './configuration-step';
import { FeaturesStep } from './features-step';
import { PlatformStep } from './platform-step';
import { PrioritiesStep } from './priorities-step';
import { ReviewStep } from './review-step';
import type { WizardStepRegistry } from './wizard-step-props';

/**
 * Steps 1–6, which build the project without an account. The code viewer and its
 * highlighter (and the generator) load only when the user reaches step 6.
 */
export const BUILD_STEPS = {
  platform: PlatformStep,
  priorities: PrioritiesStep,
  features: FeaturesStep,
  configuration: ConfigurationStep,
  review: ReviewStep,
  generate: lazy(() =>
    import('./generate-step').then((module) => ({ default: module.GenerateStep })),
  ),
} satisfies Partial<WizardStepRegistry>;
