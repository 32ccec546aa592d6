import { StatusBadge, type StatusTone } from '../../../components/ui/status-badge';

const DEPLOYMENT_STATUS: Record<string, { tone: StatusTone; label: string }> = {
  queued: { tone: 'idle', label: 'Queued' },
  in_progress: { tone: 'busy', label: 'In progress' },
  success: { tone: 'good', label: 'Success' },
  failure: { tone: 'bad', label: 'Failure' },
  cancelled: { tone: 'idle', label: 'Cancelled' },
};

export const deploymentStatusLabel = (status: string) => DEPLOYMENT_STATUS[status]?.label ?? status;

/** A deployment's status as a badge with words. */
export function DeploymentStatus({ status }: { status: string }) {
  return <StatusBadge {...(DEPLOYMENT_STATUS[status] ?? { tone: 'idle', label: status })} />;
}
