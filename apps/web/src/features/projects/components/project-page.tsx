import { DEPLOYMENT_STATUS_VALUES } from '@botsmith/shared';
import { useState } from 'react';
import { Button } from '../../../components/ui/button';
import { Card, Section } from '../../../components/ui/card';
import { controlClass } from '../../../components/ui/field';
import { toast } from '../../../components/ui/toast';
import { Link } from '../../../lib/router';
import { ACTIVITY_LABELS, formatDate } from '../../account/components/format';
import {
  type DeploymentItem,
  type DeploymentStatusFilter,
  useActivity,
  useCursorPages,
  useDeploymentStats,
  useDeployments,
  useLiveDeployments,
  useProject,
  useRedeploy,
} from '../../dashboard/api/use-dashboard';
import {
  DeploymentStatus,
  deploymentStatusLabel,
} from '../../dashboard/components/deployment-status';
import { Pager } from '../../dashboard/components/pager';
import { useLatestSetup } from '../../setup/api/use-setup';
import { formatDuration } from '../../setup/state/format-duration';
import { watchSetupInWizard } from '../../setup/state/watch-setup';
import { DeploymentSeries, StatsCards } from './stats-cards';

/** `/dashboard/projects/:id`: stats, the 30-day series, live deployments and the activity. */
export function ProjectPage({ projectId }: { projectId: string }) {
  const project = useProject(projectId);
  useLiveDeployments(projectId);

  if (project.isPending) {
    return (
      <p role="status" className="text-sm text-slate-500">
        Loading the project…
      </p>
    );
  }
  if (project.isError) {
    return (
      <div role="alert" className="grid gap-2">
        <p className="rounded-lg bg-red-50 px-4 py-3 text-sm text-red-800">
          {project.error.data?.code === 'NOT_FOUND'
            ? 'There is no such project among yours.'
            : `The project could not be loaded: ${project.error.message}`}
        </p>
        <Link to="/dashboard" className="text-sm text-indigo-700 underline">
          Back to the dashboard
        </Link>
      </div>
    );
  }
  const data = project.data;
  return (
    <div className="grid gap-6">
      <header className="grid gap-1">
        <Link to="/dashboard" className="text-sm text-indigo-700 hover:underline">
          ← Dashboard
        </Link>
        <h1 className="text-2xl font-semibold tracking-tight">{data.name}</h1>
        {data.repoFullName && (
          <p className="text-sm text-slate-600">
            <code>{data.repoFullName}</code>
            {data.defaultBranch && <> · {data.defaultBranch}</>}
            {!data.webhookConnected && data.status === 'active' && (
              <> · webhook disconnected, deployments do not update</>
            )}
          </p>
        )}
      </header>
      {data.status !== 'active' && <LatestSetup projectId={projectId} />}
      <ProjectStats projectId={projectId} />
      <DeploymentsTable projectId={projectId} />
      <ActivityFeed projectId={projectId} />
    </div>
  );
}

/** A project not (yet) active: how its last setup went, and a way back to watch it. */
function LatestSetup({ projectId }: { projectId: string }) {
  const latest = useLatestSetup(projectId);
  if (!latest.data) return null;
  const run = latest.data;
  return (
    <Card className="flex flex-wrap items-center justify-between gap-3 p-4">
      <p className="text-sm text-slate-700">
        Latest setup: <strong>{run.status.replaceAll('_', ' ')}</strong>
        {run.error && <span className="text-red-800"> — {run.error}</span>}
      </p>
      <Button size="sm" onClick={() => watchSetupInWizard(run.runId)}>
        Watch the setup
      </Button>
    </Card>
  );
}

function ProjectStats({ projectId }: { projectId: string }) {
  const stats = useDeploymentStats(projectId);
  if (stats.isPending) {
    return (
      <p role="status" className="text-sm text-slate-500">
        Loading the numbers…
      </p>
    );
  }
  if (stats.isError) {
    return (
      <p role="alert" className="text-sm text-red-700">
        The numbers could not be loaded.
      </p>
    );
  }
  return (
    <section aria-label="Deployment numbers" className="grid gap-4">
      <StatsCards stats={stats.data} />
      <Card className="p-4">
        <DeploymentSeries series={stats.data.series} />
      </Card>
    </section>
  );
}

function DeploymentsTable({ projectId }: { projectId: string }) {
  const [status, setStatus] = useState<DeploymentStatusFilter>(undefined);
  const pages = useCursorPages();
  const deployments = useDeployments({ projectId, status, cursor: pages.cursor });
  const redeploy = useRedeploy();
  const items = deployments.data?.items ?? [];
  // Redeploying the newest successful deployment would change nothing: only earlier ones.
  const newestSuccess =
    pages.page === 1 && !status ? items.find((d) => d.status === 'success') : undefined;

  return (
    <Section title="Deployments">
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor="deployment-status" className="text-sm font-medium text-slate-700">
          Status
        </label>
        <select
          id="deployment-status"
          className={`${controlClass} max-w-48`}
          value={status ?? ''}
          onChange={(event) => {
            setStatus((event.target.value || undefined) as DeploymentStatusFilter);
            pages.reset();
          }}
        >
          <option value="">All</option>
          {DEPLOYMENT_STATUS_VALUES.map((value) => (
            <option key={value} value={value}>
              {deploymentStatusLabel(value)}
            </option>
          ))}
        </select>
      </div>
      {deployments.isPending && (
        <p role="status" className="text-sm text-slate-500">
          Loading deployments…
        </p>
      )}
      {deployments.isError && (
        <p role="alert" className="text-sm text-red-700">
          The deployments could not be loaded: {deployments.error.message}
        </p>
      )}
      {deployments.data && items.length === 0 && (
        <p className="text-sm text-slate-500">
          {status
            ? 'No deployments with this status.'
            : 'No deployments yet: they appear here as GitHub Actions runs.'}
        </p>
      )}
      {items.length > 0 && (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm" aria-label="Deployments">
            <thead className="text-xs uppercase text-slate-500">
              <tr>
                <th className="py-2 pr-4 font-medium">Status</th>
                <th className="py-2 pr-4 font-medium">Workflow</th>
                <th className="py-2 pr-4 font-medium">Commit</th>
                <th className="py-2 pr-4 font-medium">Started</th>
                <th className="py-2 pr-4 font-medium">Duration</th>
                <th className="py-2" />
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {items.map((deployment) => (
                <DeploymentRow
                  key={deployment.id}
                  deployment={deployment}
                  canRedeploy={
                    deployment.status === 'success' && deployment.id !== newestSuccess?.id
                  }
                  redeploying={
                    redeploy.isPending && redeploy.variables?.deploymentId === deployment.id
                  }
                  onRedeploy={() =>
                    redeploy.mutate(
                      { deploymentId: deployment.id },
                      {
                        onSuccess: (result) =>
                          toast({
                            tone: 'success',
                            title: `Redeploy of ${result.commitSha.slice(0, 7)} dispatched`,
                          }),
                      },
                    )
                  }
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager
        label="Deployment pages"
        page={pages.page}
        hasNext={Boolean(deployments.data?.nextCursor)}
        onPrevious={pages.previous}
        onNext={() => deployments.data?.nextCursor && pages.next(deployments.data.nextCursor)}
      />
    </Section>
  );
}

function DeploymentRow({
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

const PROJECT_ACTIVITY_LABELS: Record<string, string> = {
  ...ACTIVITY_LABELS,
  'project.created': 'Created the project',
  'project.renamed': 'Renamed the project',
  'project.deleted': 'Deleted the project',
  'project.webhook_disconnected': 'Disconnected the webhook',
  'deployment.redeployed': 'Dispatched a redeploy',
  'setup.started': 'Started the setup on GitHub',
  'setup.succeeded': 'Set up on GitHub',
  'setup.failed': 'The setup failed',
  'setup.retried': 'Retried the setup',
  'setup.rolled_back': 'Rolled the setup back',
  'webhook.received': 'Received a GitHub event',
  'deployment.updated': 'A deployment changed',
};

function ActivityFeed({ projectId }: { projectId: string }) {
  const activity = useActivity(projectId);
  const entries = activity.data?.pages.flat() ?? [];
  return (
    <Section title="Activity">
      {activity.isPending && (
        <p role="status" className="text-sm text-slate-500">
          Loading activity…
        </p>
      )}
      {activity.isError && (
        <p role="alert" className="text-sm text-red-700">
          The activity could not be loaded.
        </p>
      )}
      {activity.data && entries.length === 0 && (
        <p className="text-sm text-slate-500">Nothing happened yet.</p>
      )}
      {entries.length > 0 && (
        <ol aria-label="Project activity" className="grid gap-2 text-sm">
          {entries.map((entry) => (
            <li key={entry.id} className="flex flex-wrap justify-between gap-2">
              <span>
                {PROJECT_ACTIVITY_LABELS[entry.action] ?? entry.action.replaceAll('_', ' ')}
              </span>
              <span className="text-slate-500">{formatDate(entry.createdAt)}</span>
            </li>
          ))}
        </ol>
      )}
      {activity.hasNextPage && (
        <div>
          <Button
            size="sm"
            onClick={() => void activity.fetchNextPage()}
            disabled={activity.isFetchingNextPage}
          >
            {activity.isFetchingNextPage ? 'Loading…' : 'Show older activity'}
          </Button>
        </div>
      )}
    </Section>
  );
}
