import { useState } from 'react';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
import { controlClass } from '../../../components/ui/field';
import { StatusBadge, type StatusBadgeProps } from '../../../components/ui/status-badge';
import { toast } from '../../../components/ui/toast';
import { formatDate } from '../../../lib/format-date';
import { projectPath } from '../../../lib/paths';
import { Link } from '../../../lib/router';
import { type ProjectItem, type ProjectStatus, useProjectActions } from '../api/use-dashboard';
import { DeploymentStatus } from './deployment-status';

const PROJECT_STATUS: Record<ProjectStatus, StatusBadgeProps> = {
  draft: { tone: 'idle', label: 'Draft' },
  setting_up: { tone: 'busy', label: 'Setting up' },
  active: { tone: 'good', label: 'Active' },
};

/** One project on the dashboard: status, repository, latest deployment; rename, disconnect, delete. */
export function ProjectRow({ project }: { project: ProjectItem }) {
  const { rename, remove, disconnect } = useProjectActions();
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(project.name);
  const status = PROJECT_STATUS[project.status];

  return (
    <li>
      <Card className="grid gap-3 p-4 sm:grid-cols-[1fr_auto] sm:items-center">
        <div className="grid gap-1">
          {renaming ? (
            <form
              className="flex flex-wrap items-center gap-2"
              onSubmit={(event) => {
                event.preventDefault();
                rename.mutate(
                  { projectId: project.id, name },
                  { onSuccess: () => setRenaming(false) },
                );
              }}
            >
              <label className="sr-only" htmlFor={`rename-${project.id}`}>
                New name for {project.name}
              </label>
              <input
                id={`rename-${project.id}`}
                className={`${controlClass} max-w-xs`}
                value={name}
                onChange={(event) => setName(event.target.value)}
              />
              <Button size="sm" type="submit" variant="primary" disabled={rename.isPending}>
                Save
              </Button>
              <Button size="sm" variant="ghost" onClick={() => setRenaming(false)}>
                Cancel
              </Button>
            </form>
          ) : (
            <h2 className="font-semibold">
              <Link to={projectPath(project.id)} className="hover:underline">
                {project.name}
              </Link>
            </h2>
          )}
          <div className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
            <StatusBadge {...status} />
            {project.repoFullName && <code className="text-xs">{project.repoFullName}</code>}
            {project.latestDeployment ? (
              <span className="flex items-center gap-1">
                Latest deployment: <DeploymentStatus status={project.latestDeployment.status} />
                <span className="text-xs text-slate-500">
                  {formatDate(project.latestDeployment.at ?? null, '')}
                </span>
              </span>
            ) : (
              <span className="text-xs text-slate-500">No deployments yet</span>
            )}
            {project.status === 'active' && !project.webhookConnected && (
              <span className="text-xs text-amber-700">Webhook disconnected</span>
            )}
          </div>
        </div>
        <div className="flex flex-wrap gap-2">
          <Button
            size="sm"
            onClick={() => {
              setName(project.name);
              setRenaming(true);
            }}
            aria-label={`Rename ${project.name}`}
          >
            Rename
          </Button>
          {project.webhookConnected && (
            <Button
              size="sm"
              aria-label={`Disconnect the webhook of ${project.name}`}
              disabled={disconnect.isPending}
              onClick={() => {
                if (
                  window.confirm(
                    `Disconnect the webhook of “${project.name}”? Its deployments stop updating here.`,
                  )
                )
                  disconnect.mutate({ projectId: project.id });
              }}
            >
              Disconnect webhook
            </Button>
          )}
          <Button
            size="sm"
            variant="ghost"
            aria-label={`Delete ${project.name}`}
            disabled={remove.isPending}
            onClick={() => {
              if (
                window.confirm(
                  `Delete “${project.name}” from Botsmith? The GitHub repository is kept.`,
                )
              )
                remove.mutate(
                  { projectId: project.id },
                  { onSuccess: () => toast({ tone: 'success', title: `Deleted ${project.name}` }) },
                );
            }}
          >
            Delete
          </Button>
        </div>
      </Card>
    </li>
  );
}
