// The wizard's public entry: its shell and state, steps 1–6, and the types a step meets.

export type { WizardStepId } from '@botsmith/shared';
export { BUILD_STEPS } from './components/build-steps';
export { Wizard } from './components/wizard';
export type { WizardStepProps, WizardStepRegistry } from './components/wizard-step-props';
export { useWizard, type WizardControls } from './hooks/use-wizard';
export { LAST_ANONYMOUS_STEP, LAST_STEP } from './state/wizard-state';
