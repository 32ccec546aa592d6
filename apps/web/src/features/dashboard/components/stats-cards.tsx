import type { DeploymentStats } from '@botsmith/shared';
import { Card } from '../../../components/ui/card';
import { formatDuration } from '../../../lib/format-duration';

const duration = (ms: number | null) => (ms === null ? '—' : formatDuration(ms));

/** The deployment numbers of SPEC §2 J4, one card each. */
export function StatsCards({ stats }: { stats: DeploymentStats }) {
  const cards = [
    { label: 'Deployments', value: String(stats.total) },
    {
      label: 'Success rate',
      value: stats.successRate === null ? '—' : `${Math.round(stats.successRate * 100)} %`,
    },
    { label: 'Median duration', value: duration(stats.medianDurationMs) },
    { label: 'Time to recover', value: duration(stats.mttrMs) },
    { label: 'Lead time', value: duration(stats.leadTimeMs) },
  ];
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5">
      {cards.map((card) => (
        <Card key={card.label} className="p-4">
          <dt className="text-xs font-medium text-slate-500">{card.label}</dt>
          <dd className="mt-1 text-xl font-semibold" data-testid={`stat-${card.label}`}>
            {card.value}
          </dd>
        </Card>
      ))}
    </dl>
  );
}
