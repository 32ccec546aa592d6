import { type ReactNode, useId } from 'react';
import { cn } from '../../../components/ui/cn';

/**
 * A checkbox presented as a card. The checkbox is named by the title alone (so "Discord"
 * finds it) and described by the rest of the card.
 */
export function ChoiceCard({
  title,
  description,
  checked,
  disabled = false,
  onChange,
  notes,
  tone = 'default',
  invalid = false,
}: {
  title: string;
  description: string;
  checked: boolean;
  disabled?: boolean;
  onChange: (checked: boolean) => void;
  notes?: ReactNode;
  tone?: 'default' | 'error';
  /** Marks the checkbox invalid when its group has an error ("choose at least one"). */
  invalid?: boolean;
}) {
  const id = useId();
  return (
    <label
      htmlFor={id}
      className={cn(
        'flex gap-3 rounded-xl border bg-white p-4 shadow-xs transition-colors',
        'has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-indigo-600',
        checked ? 'border-indigo-500 ring-1 ring-indigo-500' : 'border-slate-200',
        disabled ? 'cursor-not-allowed bg-slate-50' : 'cursor-pointer hover:border-indigo-300',
        tone === 'error' && 'border-red-400 ring-1 ring-red-400',
      )}
    >
      <input
        id={id}
        type="checkbox"
        className="mt-0.5 size-4 shrink-0 accent-indigo-600"
        checked={checked}
        disabled={disabled}
        onChange={(event) => onChange(event.target.checked)}
        aria-invalid={invalid || tone === 'error' || undefined}
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-description${notes ? ` ${id}-notes` : ''}`}
      />
      <span className="min-w-0">
        <span
          id={`${id}-title`}
          className={cn('block font-medium', disabled ? 'text-slate-500' : 'text-slate-900')}
        >
          {title}
        </span>
        <span id={`${id}-description`} className="mt-0.5 block text-sm text-slate-500">
          {description}
        </span>
        {notes && (
          <span id={`${id}-notes`} className="mt-2 grid gap-1 text-xs">
            {notes}
          </span>
        )}
      </span>
    </label>
  );
}
