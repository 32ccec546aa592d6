import { cn } from './cn';

export interface StepperItem {
  number: number;
  title: string;
  /** `locked` steps cannot be opened yet; `lockedLabel` says why. */
  status: 'complete' | 'current' | 'available' | 'upcoming' | 'locked';
  lockedLabel?: string;
}

/**
 * The wizard's progress: every step in order; reached steps are buttons that jump back,
 * the current one carries `aria-current="step"`.
 */
export function Stepper({
  steps,
  onSelect,
}: {
  steps: readonly StepperItem[];
  onSelect: (step: number) => void;
}) {
  return (
    <nav aria-label="Wizard steps">
      <ol className="grid grid-cols-2 gap-2 sm:grid-cols-4 lg:grid-cols-8">
        {steps.map((step) => {
          const reachable = step.status === 'complete' || step.status === 'available';
          const current = step.status === 'current';
          return (
            <li key={step.number}>
              <button
                type="button"
                onClick={() => onSelect(step.number)}
                disabled={!reachable}
                aria-current={current ? 'step' : undefined}
                className={cn(
                  'flex h-full w-full items-center gap-2 rounded-lg border px-2.5 py-2 text-left transition-colors lg:flex-col lg:items-start lg:gap-1.5',
                  'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600',
                  current && 'border-indigo-600 bg-indigo-50 ring-1 ring-indigo-600',
                  reachable &&
                    'border-slate-200 bg-white hover:border-indigo-300 hover:bg-indigo-50/50',
                  step.status === 'upcoming' && 'border-slate-200 bg-white/60 text-slate-400',
                  step.status === 'locked' &&
                    'border-dashed border-slate-300 bg-slate-50 text-slate-400',
                  !reachable && 'cursor-default',
                )}
              >
                <StepBadge step={step} />
                <span className="min-w-0">
                  <span
                    className={cn(
                      'block truncate text-sm font-medium lg:overflow-visible lg:whitespace-normal',
                      current ? 'text-indigo-900' : reachable ? 'text-slate-800' : 'text-slate-400',
                    )}
                  >
                    {step.title}
                  </span>
                  {step.status === 'locked' && step.lockedLabel && (
                    <span className="block truncate text-xs text-slate-500 lg:whitespace-normal">
                      {step.lockedLabel}
                    </span>
                  )}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

function StepBadge({ step }: { step: StepperItem }) {
  const base =
    'grid size-7 shrink-0 place-items-center rounded-full text-xs font-semibold tabular-nums';
  if (step.status === 'locked') {
    return (
      <span className={cn(base, 'bg-slate-200 text-slate-500')}>
        <LockIcon />
      </span>
    );
  }
  if (step.status === 'complete') {
    return (
      <span className={cn(base, 'bg-indigo-600 text-white')}>
        <CheckIcon />
        <span className="sr-only">Step {step.number}, done:</span>
      </span>
    );
  }
  return (
    <span
      className={cn(
        base,
        step.status === 'current'
          ? 'bg-indigo-600 text-white'
          : step.status === 'available'
            ? 'bg-indigo-100 text-indigo-700'
            : 'bg-slate-100 text-slate-400',
      )}
    >
      {step.number}
    </span>
  );
}

export function LockIcon({ className = 'size-3.5' }: { className?: string }) {
  return (
    <svg viewBox="0 0 20 20" fill="currentColor" aria-hidden="true" className={className}>
      <path
        fillRule="evenodd"
        d="M10 1a4.5 4.5 0 0 0-4.5 4.5V9H5a2 2 0 0 0-2 2v6a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2v-6a2 2 0 0 0-2-2h-.5V5.5A4.5 4.5 0 0 0 10 1Zm3 8V5.5a3 3 0 1 0-6 0V9h6Z"
        clipRule="evenodd"
      />
    </svg>
  );
}

export function CheckIcon({ className = 'size-4' }: { className?: string }) {
  return (
    <svg viewBox="0 0 20 20" fill="currentColor" aria-hidden="true" className={className}>
      <path
        fillRule="evenodd"
        d="M16.7 5.3a1 1 0 0 1 0 1.4l-8 8a1 1 0 0 1-1.4 0l-4-4a1 1 0 1 1 1.4-1.4L8 12.6l7.3-7.3a1 1 0 0 1 1.4 0Z"
        clipRule="evenodd"
      />
    </svg>
  );
}
