import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
import { Link } from '../../../lib/router';
import { useCursorPages, useLiveDeployments, useProjects } from '../api/use-dashboard';
import { Pager } from './pager';
import { ProjectRow } from './project-row';

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
