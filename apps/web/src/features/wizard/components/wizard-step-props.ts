import type { BuildConfig, ConfigIssue, WizardStepId } from '@botsmith/shared';
import type { ComponentType } from 'react';
import type { ConfigEdit } from '../hooks/use-wizard';

/** What the wizard hands the step on screen. */
export interface WizardStepProps {
  config: BuildConfig;
  onChange: (edit: ConfigEdit) => void;
  /** The current step's validation problems, shown next to their fields. */
  issues: readonly ConfigIssue[];
  /** Opens a step reached before (review's "Edit", an issue's "Fix in step N"). */
  goTo: (step: number) => void;
  /** Back to the previous step. */
  back: () => void;
}

/** The component of every wizard step by id: a step without one does not compile. */
export type WizardStepRegistry = Record<WizardStepId, ComponentType<WizardStepProps>>;
