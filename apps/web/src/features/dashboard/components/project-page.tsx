import { ErrorBoundary } from '../../../components/ui/error-boundary';
import { projectSecretsPath } from '../../../lib/paths';
import { Link } from '../../../lib/router';
import { useLiveDeployments, useProject } from '../api/use-dashboard';
import { DeploymentsPanel } from './deployments-panel';
import { LatestSetupPanel } from './latest-setup-panel';
import { ProjectActivityPanel } from './project-activity-panel';
import { ProjectStatsPanel } from './project-stats-panel';

/**
 * `/dashboard/projects/:id`: stats, the 30-day series, live deployments and the activity,
 * each panel failing on its own.
 */
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
        {data.deploymentUrl && (
          <p className="text-sm text-slate-600">
            Live at{' '}
            <a className="break-all text-indigo-700 underline" href={data.deploymentUrl}>
              {data.deploymentUrl}
            </a>
          </p>
        )}
        {data.repoFullName && (
          <p className="text-sm">
            <Link to={projectSecretsPath(projectId)} className="text-indigo-700 underline">
              Secrets and variables
            </Link>
          </p>
        )}
      </header>
      {data.status !== 'active' && (
        <ErrorBoundary label="the latest setup">
          <LatestSetupPanel projectId={projectId} />
        </ErrorBoundary>
      )}
      <ErrorBoundary label="the deployment numbers">
        <ProjectStatsPanel projectId={projectId} />
      </ErrorBoundary>
      <ErrorBoundary label="the deployments">
        <DeploymentsPanel projectId={projectId} />
      </ErrorBoundary>
      <ErrorBoundary label="the activity">
        <ProjectActivityPanel projectId={projectId} />
      </ErrorBoundary>
    </div>
  );
}
