import type { BuildConfig, ConfigIssue } from '@botsmith/shared';
import type { ConfigEdit } from '../hooks/use-wizard';

export interface StepProps {
  config: BuildConfig;
  onChange: (edit: ConfigEdit) => void;
  /** The current step's validation problems, shown next to their fields. */
  issues: readonly ConfigIssue[];
}
