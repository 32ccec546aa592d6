import { TRPCClientError } from '@trpc/client';
import { type FormEvent, useState } from 'react';
import { LedgerEntryHint, LedgerEntryLabel } from '../../../components/ledger/ledger-entry-text';
import { Button } from '../../../components/ui/button';
import { controlClass, Field } from '../../../components/ui/field';
import { StatusBadge } from '../../../components/ui/status-badge';
import { toast } from '../../../components/ui/toast';
import { type SecretRow as Row, useSecretChanges } from '../api/use-project-secrets';
import { changeVerb, stateText } from '../state/secret-rows';

const messageOf = (error: unknown) =>
  error instanceof TRPCClientError || error instanceof Error ? error.message : String(error);

/**
 * One name of the ledger on GitHub: its state (a plain value is shown, a secret never), then
 * set or rotate it (a secret sealed in the browser) or delete it after a confirmation.
 */
export function SecretRow({
  projectId,
  row,
  onChanged,
}: {
  projectId: string;
  row: Row;
  onChanged: () => void;
}) {
  const { seal, setVariable, remove } = useSecretChanges(projectId);
  const [mode, setMode] = useState<'view' | 'edit' | 'confirm-delete'>('view');
  // A secret being typed lives only in this field's state, and is dropped once stored.
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const verb = changeVerb(row);
  const busy = seal.isPending || setVariable.isPending || remove.isPending;

  const close = () => {
    setMode('view');
    setValue('');
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      if (row.secret) await seal.mutateAsync({ name: row.name, value });
      else await setVariable.mutateAsync({ projectId, name: row.name, value });
      toast({ tone: 'success', title: `${row.name} ${verb === 'Set' ? 'set' : 'updated'}` });
      close();
      onChanged();
    } catch (cause) {
      setError(`${row.name} was not saved: ${messageOf(cause)}`);
    }
  };

  const confirmDelete = async () => {
    setError(null);
    try {
      await remove.mutateAsync({ projectId, name: row.name });
      toast({ tone: 'success', title: `${row.name} deleted` });
      close();
      onChanged();
    } catch (cause) {
      setError(`${row.name} was not deleted: ${messageOf(cause)}`);
    }
  };

  return (
    <li
      className="grid min-w-0 gap-3 rounded-lg border border-slate-200 bg-white p-4"
      aria-label={row.name}
    >
      <div className="grid min-w-0 gap-2 sm:grid-cols-[1fr_auto] sm:items-start">
        <div className="grid min-w-0 gap-1">
          <p className="text-sm font-medium text-slate-900">
            <LedgerEntryLabel entry={row} />
          </p>
          <p className="text-xs text-slate-500">
            <LedgerEntryHint entry={row} />
          </p>
          <div className="flex flex-wrap items-center gap-2 text-xs text-slate-600">
            <span data-testid="secret-state">
              <StatusBadge
                tone={row.state === 'set' ? 'good' : row.required ? 'warn' : 'idle'}
                label={stateText(row)}
              />
            </span>
            <span>{row.secret ? 'Secret' : 'Variable'}</span>
            {!row.secret && row.value !== null && (
              <span className="min-w-0 break-all">
                Value: <code data-testid="variable-value">{row.value}</code>
              </span>
            )}
          </div>
        </div>
        {mode === 'view' && (
          <div className="flex flex-wrap gap-2">
            <Button size="sm" onClick={() => setMode('edit')} aria-label={`${verb} ${row.name}`}>
              {verb}
            </Button>
            {row.state === 'set' && (
              <Button
                size="sm"
                variant="ghost"
                onClick={() => setMode('confirm-delete')}
                aria-label={`Delete ${row.name}`}
              >
                Delete
              </Button>
            )}
          </div>
        )}
      </div>

      {mode === 'edit' && (
        <form onSubmit={save} className="grid gap-3">
          <Field
            label={`New value for ${row.name}`}
            hint={
              row.secret
                ? 'Encrypted in your browser with the environment’s public key: Botsmith never sees it, and it cannot be read back.'
                : 'Stored as a plain Actions variable of the production environment.'
            }
          >
            {(props) => (
              <input
                {...props}
                type={row.secret ? 'password' : 'text'}
                autoComplete="off"
                spellCheck={false}
                required
                className={controlClass}
                value={value}
                onChange={(event) => setValue(event.target.value)}
              />
            )}
          </Field>
          <div className="flex flex-wrap gap-2">
            <Button type="submit" variant="primary" size="sm" disabled={busy || value === ''}>
              {busy ? 'Saving…' : `Save ${row.name}`}
            </Button>
            <Button size="sm" variant="ghost" onClick={close} disabled={busy}>
              Cancel
            </Button>
          </div>
        </form>
      )}

      {mode === 'confirm-delete' && (
        <div className="grid gap-2 text-sm">
          <p className="text-slate-800">
            Delete {row.name} from the production environment? The bot no longer gets it at its next
            deploy{row.required ? ', and it is required' : ''}.
          </p>
          <div className="flex flex-wrap gap-2">
            <Button size="sm" onClick={() => void confirmDelete()} disabled={busy}>
              {remove.isPending ? 'Deleting…' : `Yes, delete ${row.name}`}
            </Button>
            <Button size="sm" variant="ghost" onClick={close} disabled={busy}>
              Keep it
            </Button>
          </div>
        </div>
      )}

      {error && (
        <p role="alert" className="text-sm font-medium text-red-700">
          {error}
        </p>
      )}
    </li>
  );
}
