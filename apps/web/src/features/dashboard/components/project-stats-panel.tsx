import { Card } from '../../../components/ui/card';
import { useDeploymentStats } from '../api/use-dashboard';
import { DeploymentSeries } from './deployment-series';
import { StatsCards } from './stats-cards';

/** A project's deployment numbers and its last 30 days. */
export function ProjectStatsPanel({ projectId }: { projectId: string }) {
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
