import { useState } from 'react';
import { controlClass, Field } from '../../../components/ui/field';

const UNITS = [
  { id: 'days', seconds: 86_400 },
  { id: 'hours', seconds: 3_600 },
  { id: 'minutes', seconds: 60 },
  { id: 'seconds', seconds: 1 },
] as const;

type Unit = (typeof UNITS)[number];

/** The largest unit that shows the TTL as a whole number. */
function unitFor(seconds: number): Unit {
  return UNITS.find((unit) => seconds > 0 && seconds % unit.seconds === 0) ?? UNITS[3];
}

/** The session lifetime, typed in a friendly unit and stored in seconds. */
export function TtlField({
  seconds,
  onChange,
  errors,
}: {
  seconds: number;
  onChange: (seconds: number) => void;
  errors: readonly string[];
}) {
  const [unit, setUnit] = useState<Unit>(() => unitFor(seconds));
  const amount = Number.isFinite(seconds) ? String(seconds / unit.seconds) : '';
  return (
    <Field
      label="Session lifetime"
      hint="How long a quiet conversation is remembered (1 minute to 30 days)."
      errors={errors}
    >
      {(props) => (
        <div className="flex gap-2">
          <input
            {...props}
            type="number"
            inputMode="decimal"
            min={0}
            step="any"
            className={controlClass}
            value={amount}
            onChange={(event) => {
              const value = event.target.valueAsNumber;
              onChange(Number.isFinite(value) ? Math.round(value * unit.seconds) : Number.NaN);
            }}
          />
          <select
            aria-label="Session lifetime unit"
            className={`${controlClass} w-32`}
            value={unit.id}
            onChange={(event) => {
              const next = UNITS.find((candidate) => candidate.id === event.target.value);
              if (!next) return;
              setUnit(next);
              // Keep the number the user sees; the unit changes its meaning.
              if (Number.isFinite(seconds)) {
                onChange(Math.round((seconds / unit.seconds) * next.seconds));
              }
            }}
          >
            {UNITS.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.id}
              </option>
            ))}
          </select>
        </div>
      )}
    </Field>
  );
}
