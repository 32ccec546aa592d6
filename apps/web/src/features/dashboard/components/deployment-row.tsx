import { Button } from '../../../components/ui/button';
import { formatDate } from '../../../lib/format-date';
import { formatDuration } from '../../../lib/format-duration';
import type { DeploymentItem } from '../api/use-dashboard';
import { DeploymentStatus } from './deployment-status';

/** One deployment: status, workflow and logs, commit, timing, and its redeploy button. */
export function DeploymentRow({
  deployment,
  canRedeploy,
  redeploying,
  onRedeploy,
}: {
  deployment: DeploymentItem;
  canRedeploy: boolean;
  redeploying: boolean;
  onRedeploy: () => void;
}) {
  const duration =
    deployment.startedAt && deployment.completedAt
      ? formatDuration(deployment.completedAt.getTime() - deployment.startedAt.getTime())
      : '—';
  const label =
    `${deployment.workflowName ?? 'deployment'} ${deployment.commitSha?.slice(0, 7) ?? ''}`.trim();
  return (
    <tr data-testid="deployment-row">
      <td className="py-2 pr-4">
        <DeploymentStatus status={deployment.status} />
        {deployment.failingJob && (
          <p className="text-xs text-red-700">failed at: {deployment.failingJob}</p>
        )}
        {deployment.url && (
          <a
            className="block text-xs text-indigo-700 underline"
            href={deployment.url}
            aria-label={`Open the bot deployed by ${label}`}
          >
            Open
          </a>
        )}
      </td>
      <td className="py-2 pr-4">
        {deployment.logsUrl ? (
          <a className="text-indigo-700 underline" href={deployment.logsUrl}>
            {deployment.workflowName ?? deployment.environment ?? 'Run'}
          </a>
        ) : (
          (deployment.workflowName ?? deployment.environment ?? '—')
        )}
      </td>
      <td className="py-2 pr-4">
        {deployment.commitSha ? (
          <span title={deployment.commitMessage ?? undefined}>
            <code>{deployment.commitSha.slice(0, 7)}</code>{' '}
            <span className="text-slate-600">{deployment.commitMessage?.split('\n')[0]}</span>
          </span>
        ) : (
          '—'
        )}
      </td>
      <td className="py-2 pr-4">{formatDate(deployment.startedAt ?? deployment.createdAt)}</td>
      <td className="py-2 pr-4">{duration}</td>
      <td className="py-2 text-right">
        {canRedeploy && (
          <Button
            size="sm"
            aria-label={`Redeploy ${label}`}
            disabled={redeploying}
            onClick={() => {
              if (
                window.confirm(
                  `Deploy ${deployment.commitSha?.slice(0, 7) ?? 'this commit'} again? It replaces what runs now.`,
                )
              )
                onRedeploy();
            }}
          >
            {redeploying ? 'Dispatching…' : 'Redeploy'}
          </Button>
        )}
      </td>
    </tr>
  );
}
