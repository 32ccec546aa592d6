import { useState } from 'react';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
import { controlClass } from '../../../components/ui/field';
import { StatusBadge } from '../../../components/ui/status-badge';
import { toast } from '../../../components/ui/toast';
import { Link } from '../../../lib/router';
import { formatDate } from '../../account/components/format';
import {
  type ProjectItem,
  useCursorPages,
  useLiveDeployments,
  useProjectActions,
  useProjects,
} from '../api/use-dashboard';
import { DeploymentStatus } from './deployment-status';
import { Pager } from './pager';

const PROJECT_STATUS = {
  draft: { tone: 'idle', label: 'Draft' },
  setting_up: { tone: 'busy', label: 'Setting up' },
  active: { tone: 'good', label: 'Active' },
} as const;

/** `/dashboard`: the user's projects with their latest deployment, and what can be done. */
export function DashboardPage() {
  const pages = useCursorPages();
  const projects = useProjects(pages.cursor);
  useLiveDeployments();

  return (
    <div className="grid gap-6">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Dashboard</h1>
          <p className="text-slate-600">Your projects and how their deployments are going.</p>
        </div>
        <Link
          to="/"
          className="rounded-lg bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-500"
        >
          New project
        </Link>
      </header>

      {projects.isPending && (
        <p role="status" className="text-sm text-slate-500">
          Loading projects…
        </p>
      )}
      {projects.isError && (
        <p role="alert" className="rounded-lg bg-red-50 px-4 py-3 text-sm text-red-800">
          The projects could not be loaded: {projects.error.message}{' '}
          <Button size="sm" onClick={() => void projects.refetch()}>
            Try again
          </Button>
        </p>
      )}
      {projects.data && projects.data.items.length === 0 && pages.page === 1 && (
        <Card className="p-6 text-center">
          <p className="font-medium">No projects yet.</p>
          <p className="text-sm text-slate-600">
            Build a bot in the wizard and create it on GitHub: it shows up here.
          </p>
        </Card>
      )}
      {projects.data && projects.data.items.length > 0 && (
        <ul aria-label="Projects" className="grid gap-3">
          {projects.data.items.map((project) => (
            <ProjectRow key={project.id} project={project} />
          ))}
        </ul>
      )}
      <Pager
        label="Project pages"
        page={pages.page}
        hasNext={Boolean(projects.data?.nextCursor)}
        onPrevious={pages.previous}
        onNext={() => projects.data?.nextCursor && pages.next(projects.data.nextCursor)}
      />
    </div>
  );
}

function ProjectRow({ project }: { project: ProjectItem }) {
  const { rename, remove, disconnect } = useProjectActions();
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(project.name);
  const status = PROJECT_STATUS[project.status as keyof typeof PROJECT_STATUS] ?? {
    tone: 'idle' as const,
    label: project.status,
  };

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
              <Link to={`/dashboard/projects/${project.id}`} className="hover:underline">
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
