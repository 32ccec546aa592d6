/**
 * The wizard's step ids, in order. `WIZARD_STEPS` in `@botsmith/shared` types its ids as
 * plain strings, so they are named here until it exports them as a type; the test holds the
 * two lists together.
 */
export const WIZARD_STEP_IDS = [
  'platform',
  'priorities',
  'features',
  'configuration',
  'review',
  'generate',
  'auto-setup',
  'complete',
] as const;

export type WizardStepId = (typeof WIZARD_STEP_IDS)[number];
