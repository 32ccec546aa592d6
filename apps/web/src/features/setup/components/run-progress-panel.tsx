import { Card } from '../../../components/ui/card';
import { StatusBadge } from '../../../components/ui/status-badge';
import { formatDuration } from '../../../lib/format-duration';
import type { SetupSnapshot } from '../api/use-setup';
import { RUN_STATUS, STEP_STATUS } from './setup-status';

/** Where the run stands: its status, then each step with its message, time and attempts. */
export function RunProgressPanel({ snapshot }: { snapshot: SetupSnapshot }) {
  return (
    <>
      <RunSummary snapshot={snapshot} />
      <StepList steps={snapshot.steps} />
    </>
  );
}

function RunSummary({ snapshot }: { snapshot: SetupSnapshot }) {
  const status = RUN_STATUS[snapshot.status];
  return (
    <div className="flex flex-wrap items-center gap-3" aria-live="polite">
      <p className="text-sm text-slate-600">
        Setting up{' '}
        <strong className="text-slate-900">{snapshot.repo?.fullName ?? 'the repository'}</strong>
      </p>
      <span data-testid="setup-status">
        <StatusBadge tone={status.tone} label={status.label} />
      </span>
    </div>
  );
}

function StepList({ steps }: { steps: SetupSnapshot['steps'] }) {
  return (
    <ol aria-label="Setup steps" className="grid gap-2">
      {steps.map((step) => {
        const status = STEP_STATUS[step.status];
        return (
          <li key={step.id}>
            <Card className="grid gap-1 px-4 py-3 sm:grid-cols-[1fr_auto] sm:items-center">
              <div>
                <p className="font-medium text-slate-900">{step.title}</p>
                {step.message && <p className="text-sm text-slate-600">{step.message}</p>}
              </div>
              <div className="flex items-center gap-3 text-xs text-slate-500">
                {step.durationMs !== null && <span>{formatDuration(step.durationMs)}</span>}
                {step.attempts > 1 && <span>{step.attempts} attempts</span>}
                <StatusBadge {...status} />
              </div>
            </Card>
          </li>
        );
      })}
    </ol>
  );
}
