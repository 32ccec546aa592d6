import { cn } from './cn';

const TONES = {
  good: 'bg-emerald-50 text-emerald-800 ring-emerald-600/20',
  bad: 'bg-red-50 text-red-800 ring-red-600/20',
  warn: 'bg-amber-50 text-amber-800 ring-amber-600/20',
  busy: 'bg-indigo-50 text-indigo-800 ring-indigo-600/20',
  idle: 'bg-slate-100 text-slate-700 ring-slate-500/20',
} as const;

export type StatusTone = keyof typeof TONES;

const ICONS: Record<StatusTone, string> = { good: '✓', bad: '✕', warn: '!', busy: '…', idle: '·' };

/** What a badge shows; status tables map each status of a kind to one. */
export interface StatusBadgeProps {
  tone: StatusTone;
  label: string;
}

/** A status as words with an icon: never colour alone. */
export function StatusBadge({ tone, label }: StatusBadgeProps) {
  return (
    <span
      className={cn(
        'inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset',
        TONES[tone],
      )}
    >
      <span aria-hidden="true">{ICONS[tone]}</span>
      {label}
    </span>
  );
}
