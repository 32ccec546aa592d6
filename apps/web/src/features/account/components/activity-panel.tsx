import { Section } from '../../../components/ui/card';
import { ACTIVITY_LABELS } from '../../../lib/activity-labels';
import { formatDate } from '../../../lib/format-date';
import { useActivity } from '../api/use-api-tokens';

/** The most recent entries of the user's audit log. */
export function ActivityPanel() {
  const activity = useActivity();
  return (
    <Section
      title="Recent activity"
      description="Sign-ins, sign-outs and API token changes, with where they came from."
    >
      {activity.data?.length === 0 && <p className="text-sm text-slate-500">Nothing yet.</p>}
      <ol className="grid gap-2" aria-label="Recent activity">
        {activity.data?.map((entry) => (
          <li
            key={entry.id}
            className="flex flex-wrap items-baseline justify-between gap-x-4 text-sm"
          >
            <span className="font-medium">
              {ACTIVITY_LABELS[entry.action] ?? entry.action}
              {typeof entry.metadata.name === 'string' && (
                <span className="font-normal text-slate-600"> “{entry.metadata.name}”</span>
              )}
            </span>
            <span className="text-xs text-slate-500" title={entry.userAgent ?? undefined}>
              {formatDate(entry.createdAt)} · {entry.ip ?? 'unknown address'}
            </span>
          </li>
        ))}
      </ol>
    </Section>
  );
}
