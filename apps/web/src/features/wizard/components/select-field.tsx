import type { ReactNode } from 'react';
import { controlClass, Field } from '../../../components/ui/field';

/** A labelled `<select>` over a fixed set of values and their labels. */
export function SelectField<T extends string>({
  label,
  value,
  options,
  onChange,
  errors,
  hint,
  extra,
}: {
  label: string;
  value: T;
  options: Record<T, string>;
  onChange: (value: T) => void;
  errors?: readonly string[];
  hint?: ReactNode;
  extra?: ReactNode;
}) {
  return (
    <Field label={label} errors={errors} hint={hint} extra={extra}>
      {(props) => (
        <select
          {...props}
          className={controlClass}
          value={value}
          onChange={(event) => onChange(event.target.value as T)}
        >
          {(Object.entries(options) as [T, string][]).map(([option, text]) => (
            <option key={option} value={option}>
              {text}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
