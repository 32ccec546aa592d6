import type { StatusBadgeProps } from '../../../components/ui/status-badge';
import type { SetupRunStatus, SetupStepStatus } from '../api/use-setup';

/** Each run status as a badge; `finished` once the progress stream ends. */
export const RUN_STATUS: Record<SetupRunStatus, StatusBadgeProps & { finished: boolean }> = {
  queued: { tone: 'busy', label: 'Queued', finished: false },
  running: { tone: 'busy', label: 'Running', finished: false },
  waiting: { tone: 'warn', label: 'Waiting for you', finished: false },
  succeeded: { tone: 'good', label: 'Set up', finished: true },
  failed: { tone: 'bad', label: 'Failed', finished: true },
  dead: { tone: 'bad', label: 'Failed', finished: true },
  rolling_back: { tone: 'busy', label: 'Rolling back', finished: false },
  rolled_back: { tone: 'idle', label: 'Rolled back', finished: true },
};

/** Each step status as a badge. */
export const STEP_STATUS: Record<SetupStepStatus, StatusBadgeProps> = {
  pending: { tone: 'idle', label: 'Pending' },
  running: { tone: 'busy', label: 'Running' },
  waiting: { tone: 'warn', label: 'Waiting' },
  succeeded: { tone: 'good', label: 'Done' },
  failed: { tone: 'bad', label: 'Failed' },
  skipped: { tone: 'idle', label: 'Skipped' },
  rolled_back: { tone: 'idle', label: 'Rolled back' },
};
