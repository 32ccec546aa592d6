import { Button } from '../../../components/ui/button';
import { Section } from '../../../components/ui/card';
import { ACTIVITY_LABELS } from '../../../lib/activity-labels';
import { formatDate } from '../../../lib/format-date';
import { useActivity } from '../api/use-dashboard';

/** A project's activity, newest first, a page at a time. */
export function ProjectActivityPanel({ projectId }: { projectId: string }) {
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
              <span>{ACTIVITY_LABELS[entry.action]}</span>
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
