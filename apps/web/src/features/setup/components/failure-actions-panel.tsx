import { useState } from 'react';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
import { controlClass, Field } from '../../../components/ui/field';
import { type RollbackResult, type SetupSnapshot, useSetupActions } from '../api/use-setup';

/** A failed run: what stopped it, a retry, and a rollback that may delete the repository. */
export function FailureActionsPanel({
  snapshot,
  onChanged,
  onRolledBack,
}: {
  snapshot: SetupSnapshot;
  onChanged: (next: SetupSnapshot | null | undefined) => void;
  onRolledBack: (result: RollbackResult) => void;
}) {
  const { retry, rollback } = useSetupActions();
  const [confirming, setConfirming] = useState(false);
  const [confirmName, setConfirmName] = useState('');
  const failed = snapshot.status === 'failed' || snapshot.status === 'dead';
  if (!failed) return null;
  const repoName = snapshot.repo?.fullName;
  const actionError = retry.error ?? rollback.error;

  return (
    <Card className="grid gap-3 border-red-200 bg-red-50/50 p-5">
      <div role="alert">
        <p className="font-semibold text-red-800">The setup stopped</p>
        {snapshot.error && <p className="text-sm text-red-800">{snapshot.error}</p>}
      </div>
      {actionError && (
        <p role="alert" className="text-sm font-medium text-red-700">
          {actionError.message}
        </p>
      )}
      <div className="flex flex-wrap gap-3">
        <Button
          variant="primary"
          disabled={retry.isPending}
          onClick={() => retry.mutate({ runId: snapshot.runId }, { onSuccess: onChanged })}
        >
          {retry.isPending ? 'Retrying…' : 'Retry'}
        </Button>
        <Button onClick={() => setConfirming((value) => !value)} aria-expanded={confirming}>
          Roll back
        </Button>
      </div>
      {confirming && (
        <form
          className="grid gap-3"
          onSubmit={(event) => {
            event.preventDefault();
            rollback.mutate(
              {
                runId: snapshot.runId,
                confirmRepoFullName: repoName && confirmName === repoName ? confirmName : undefined,
              },
              { onSuccess: onRolledBack },
            );
          }}
        >
          <p className="text-sm text-slate-700">
            Rolling back removes the webhook and the dashboard link.
            {repoName
              ? ' To delete the repository too (irreversible), type its full name; leave it empty to keep it.'
              : ''}
          </p>
          {repoName && (
            <Field label={`Type ${repoName} to delete the repository`}>
              {(props) => (
                <input
                  {...props}
                  className={controlClass}
                  autoComplete="off"
                  value={confirmName}
                  onChange={(event) => setConfirmName(event.target.value)}
                />
              )}
            </Field>
          )}
          <div>
            <Button type="submit" disabled={rollback.isPending}>
              {repoName && confirmName === repoName
                ? 'Roll back and delete the repository'
                : 'Roll back'}
            </Button>
          </div>
        </form>
      )}
    </Card>
  );
}
