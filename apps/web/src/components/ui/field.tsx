import { type ReactNode, useId } from 'react';
import { cn } from './cn';

/** Shared look of text inputs, selects and textareas. */
export const controlClass = cn(
  'block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-xs',
  'focus:border-indigo-500 focus:outline-2 focus:outline-indigo-500/30',
  'aria-invalid:border-red-500 aria-invalid:focus:outline-red-500/30',
);

export interface ControlProps {
  id: string;
  'aria-describedby': string | undefined;
  'aria-invalid': true | undefined;
}

/**
 * A labelled form control with an optional hint and its validation errors, wired together
 * with `aria-describedby` so screen readers read the error with the field.
 */
export function Field({
  label,
  hint,
  errors = [],
  extra,
  children,
}: {
  label: ReactNode;
  hint?: ReactNode;
  errors?: readonly string[];
  /** Content under the control, such as a recommendation. */
  extra?: ReactNode;
  children: (props: ControlProps) => ReactNode;
}) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors.length > 0 ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className="grid gap-1.5">
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      {children({
        id,
        'aria-describedby': describedBy,
        'aria-invalid': errorId ? true : undefined,
      })}
      {hint && (
        <p id={hintId} className="text-xs text-slate-500">
          {hint}
        </p>
      )}
      {errorId && <FieldErrors id={errorId} errors={errors} />}
      {extra}
    </div>
  );
}

export function FieldErrors({ id, errors }: { id?: string; errors: readonly string[] }) {
  if (errors.length === 0) return null;
  return (
    <ul id={id} className="grid gap-0.5 text-xs font-medium text-red-600">
      {errors.map((error) => (
        <li key={error}>{error}</li>
      ))}
    </ul>
  );
}
