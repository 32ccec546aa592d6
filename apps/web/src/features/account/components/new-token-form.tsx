import { API_TOKEN_LIFETIMES, createApiTokenSchema } from '@botsmith/shared';
import { type FormEvent, useState } from 'react';
import { Button } from '../../../components/ui/button';
import { controlClass, Field } from '../../../components/ui/field';

const LIFETIME_LABELS: Record<(typeof API_TOKEN_LIFETIMES)[number], string> = {
  '30d': '30 days',
  '90d': '90 days',
  '365d': '1 year',
  never: 'No expiry (until revoked)',
};

/** Name and lifetime of a new token, validated with the same schema as `apiToken.create`. */
export function NewTokenForm({
  onCreate,
  pending,
  serverError,
}: {
  onCreate: (input: { name: string; lifetime: (typeof API_TOKEN_LIFETIMES)[number] }) => void;
  pending: boolean;
  serverError: string | null;
}) {
  const [name, setName] = useState('');
  const [lifetime, setLifetime] = useState<(typeof API_TOKEN_LIFETIMES)[number]>('90d');
  const [errors, setErrors] = useState<string[]>([]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = createApiTokenSchema.safeParse({ name, lifetime });
    if (!parsed.success) {
      setErrors(parsed.error.issues.map((issue) => issue.message));
      return;
    }
    setErrors([]);
    onCreate(parsed.data);
    setName('');
  };

  return (
    <form onSubmit={submit} className="grid gap-3 sm:grid-cols-[1fr_12rem_auto] sm:items-start">
      <Field
        label="Token name"
        errors={serverError ? [...errors, serverError] : errors}
        hint="What uses it, e.g. “release script”."
      >
        {(props) => (
          <input
            {...props}
            className={controlClass}
            value={name}
            maxLength={80}
            onChange={(event) => setName(event.target.value)}
          />
        )}
      </Field>
      <Field label="Expires after">
        {(props) => (
          <select
            {...props}
            className={controlClass}
            value={lifetime}
            onChange={(event) => setLifetime(event.target.value as typeof lifetime)}
          >
            {API_TOKEN_LIFETIMES.map((option) => (
              <option key={option} value={option}>
                {LIFETIME_LABELS[option]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Button type="submit" variant="primary" className="sm:mt-6" disabled={pending}>
        Create token
      </Button>
    </form>
  );
}
