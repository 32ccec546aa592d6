import type { DeploymentStatus as Status } from '@botsmith/shared';
import { StatusBadge, type StatusBadgeProps } from '../../../components/ui/status-badge';

const DEPLOYMENT_STATUS: Record<Status, StatusBadgeProps> = {
  queued: { tone: 'idle', label: 'Queued' },
  in_progress: { tone: 'busy', label: 'In progress' },
  success: { tone: 'good', label: 'Success' },
  failure: { tone: 'bad', label: 'Failure' },
  cancelled: { tone: 'idle', label: 'Cancelled' },
};

export const deploymentStatusLabel = (status: Status) => DEPLOYMENT_STATUS[status].label;

/** A deployment's status as a badge with words. */
export function DeploymentStatus({ status }: { status: Status }) {
  return <StatusBadge {...DEPLOYMENT_STATUS[status]} />;
}
