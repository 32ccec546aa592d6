import type { PreflightCheck, PreflightStatus } from '@botsmith/shared';
import { StatusBadge, type StatusTone } from '../../../components/ui/status-badge';

const STATUS: Record<PreflightStatus, { tone: StatusTone; label: string }> = {
  pass: { tone: 'good', label: 'Passed' },
  warn: { tone: 'warn', label: 'Warning' },
  fail: { tone: 'bad', label: 'Failed' },
};

/** The preflight's checks: each with its outcome, the reason and what to do about it. */
export function PreflightChecks({ checks }: { checks: readonly PreflightCheck[] }) {
  return (
    <ul aria-label="Preflight checks" className="grid gap-2">
      {checks.map((check) => (
        <li
          key={check.id}
          className="grid gap-1 rounded-lg border border-slate-200 px-3 py-2 sm:grid-cols-[9rem_1fr]"
        >
          <div>
            <StatusBadge {...STATUS[check.status]} />
          </div>
          <div className="text-sm">
            <p className="font-medium text-slate-900">{check.title}</p>
            <p className="text-slate-600">{check.reason}</p>
            {check.fix && <p className="text-slate-500">Fix: {check.fix}</p>}
          </div>
        </li>
      ))}
    </ul>
  );
}
