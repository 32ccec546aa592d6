import { useEffect, useRef, useState } from 'react';
import { Button } from '../../../components/ui/button';
import { Card, Section } from '../../../components/ui/card';
import { controlClass, Field } from '../../../components/ui/field';
import { StatusBadge, type StatusTone } from '../../../components/ui/status-badge';
import { Link } from '../../../lib/router';
import {
  FINISHED_RUN_STATUSES,
  type RollbackResult,
  type SetupSnapshot,
  type SetupStep,
  useSetupActions,
  useSetupProgress,
} from '../api/use-setup';
import { formatDuration } from '../state/format-duration';
import { sealSecrets } from '../state/seal-secrets';
import {
  clearSecretValues,
  getSecretValues,
  secretsWereOffered,
  valuesToSeal,
} from '../state/secret-values';

const STEP_STATUS: Record<string, { tone: StatusTone; label: string }> = {
  pending: { tone: 'idle', label: 'Pending' },
  running: { tone: 'busy', label: 'Running' },
  waiting: { tone: 'warn', label: 'Waiting' },
  succeeded: { tone: 'good', label: 'Done' },
  failed: { tone: 'bad', label: 'Failed' },
  skipped: { tone: 'idle', label: 'Skipped' },
  rolled_back: { tone: 'idle', label: 'Rolled back' },
};

const RUN_STATUS: Record<string, { tone: StatusTone; label: string }> = {
  queued: { tone: 'busy', label: 'Queued' },
  running: { tone: 'busy', label: 'Running' },
  waiting: { tone: 'warn', label: 'Waiting for you' },
  succeeded: { tone: 'good', label: 'Set up' },
  failed: { tone: 'bad', label: 'Failed' },
  dead: { tone: 'bad', label: 'Failed' },
  rolling_back: { tone: 'busy', label: 'Rolling back' },
  rolled_back: { tone: 'idle', label: 'Rolled back' },
};

const statusOf = (table: Record<string, { tone: StatusTone; label: string }>, status: string) =>
  table[status] ?? { tone: 'idle' as const, label: status };

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Step 8: the setup run, live over SSE, with its secrets hand-off, retry and rollback. */
export function SetupProgressStep({ runId, onBack }: { runId: string | null; onBack: () => void }) {
  const progress = useSetupProgress(runId);
  const { snapshot } = progress;
  const [rolledBack, setRolledBack] = useState<RollbackResult | null>(null);

  if (!runId) {
    return (
      <Card className="grid gap-3 p-5">
        <p className="text-sm text-slate-600">No setup is running in this browser.</p>
        <div>
          <Button onClick={onBack}>Back to auto-setup</Button>
        </div>
      </Card>
    );
  }
  if (progress.error && !snapshot) {
    return (
      <p role="alert" className="rounded-lg bg-red-50 px-4 py-3 text-sm text-red-800">
        The setup progress could not be loaded: {progress.error.message}
      </p>
    );
  }
  if (!snapshot) {
    return (
      <p className="text-sm text-slate-500" role="status">
        Connecting to the setup…
      </p>
    );
  }
  return (
    <div className="grid gap-5">
      <RunSummary snapshot={snapshot} />
      <StepList steps={snapshot.steps} />
      {snapshot.secrets && (
        <SecretsHandOff
          snapshot={snapshot}
          secrets={snapshot.secrets}
          onDone={(next) => {
            progress.show(next);
            progress.rewatch();
          }}
        />
      )}
      <FailureActions
        snapshot={snapshot}
        onChanged={(next) => {
          progress.show(next);
          progress.rewatch();
        }}
        onRolledBack={(result) => {
          setRolledBack(result);
          progress.show(result.snapshot);
        }}
      />
      {rolledBack && <RollbackOutcome result={rolledBack} />}
      <Outcome snapshot={snapshot} />
    </div>
  );
}

function RunSummary({ snapshot }: { snapshot: SetupSnapshot }) {
  const status = statusOf(RUN_STATUS, snapshot.status);
  return (
    <div className="flex flex-wrap items-center gap-3" aria-live="polite">
      <p className="text-sm text-slate-600">
        Setting up{' '}
        <strong className="text-slate-900">{snapshot.repo?.fullName ?? 'the repository'}</strong>
      </p>
      <span data-testid="setup-status">
        <StatusBadge {...status} />
      </span>
    </div>
  );
}

function StepList({ steps }: { steps: readonly SetupStep[] }) {
  return (
    <ol aria-label="Setup steps" className="grid gap-2">
      {steps.map((step) => {
        const status = statusOf(STEP_STATUS, step.status);
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

/**
 * The `github:secrets:store` step waits for the browser: the values typed on step 7 are sealed here with
 * the repository's public key and handed over as ciphertext. After a reload the values are
 * gone, so the user types them again or skips.
 */
function SecretsHandOff({
  snapshot,
  secrets,
  onDone,
}: {
  snapshot: SetupSnapshot;
  secrets: { keyId: string; key: string; names: string[] };
  onDone: (next: SetupSnapshot | null | undefined) => void;
}) {
  const { provideSecrets } = useSetupActions();
  const [typed, setTyped] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const sent = useRef<string | null>(null);

  const send = async (values: Readonly<Record<string, string>>) => {
    setError(null);
    try {
      const sealed = await sealSecrets(secrets.key, valuesToSeal(secrets.names, values));
      const next = await provideSecrets.mutateAsync({
        runId: snapshot.runId,
        keyId: secrets.keyId,
        secrets: sealed,
      });
      clearSecretValues();
      onDone(next);
    } catch (cause) {
      sent.current = null;
      setError(messageOf(cause));
    }
  };

  const remembered = valuesToSeal(secrets.names, getSecretValues());
  // Typed (or deliberately left empty) on step 7 in this tab: send without asking again.
  const automatic = secretsWereOffered() || remembered.length > 0;
  const sendRef = useRef(send);
  sendRef.current = send;

  // Values still in memory from step 7: seal and send them once, without asking.
  useEffect(() => {
    if (!automatic || sent.current === secrets.keyId) return;
    sent.current = secrets.keyId;
    void sendRef.current(getSecretValues());
  }, [automatic, secrets.keyId]);

  if (automatic && !error) {
    return (
      <p className="text-sm text-slate-600" role="status">
        Encrypting {remembered.length === 1 ? 'the secret' : `${remembered.length} secrets`} in your
        browser…
      </p>
    );
  }

  return (
    <Section
      title="Secrets needed"
      description="The values typed earlier are no longer in this tab (they are never stored). Type them again to encrypt them in your browser, or skip and add them on GitHub later."
    >
      {error && (
        <p role="alert" className="text-sm font-medium text-red-700">
          The secrets were not stored: {error}
        </p>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        {secrets.names.map((name) => (
          <Field key={name} label={<code>{name}</code>}>
            {(props) => (
              <input
                {...props}
                type="password"
                autoComplete="off"
                className={controlClass}
                value={typed[name] ?? ''}
                onChange={(event) =>
                  setTyped((value) => ({ ...value, [name]: event.target.value }))
                }
              />
            )}
          </Field>
        ))}
      </div>
      <div className="flex flex-wrap gap-3">
        <Button
          variant="primary"
          disabled={provideSecrets.isPending}
          onClick={() => void send(typed)}
        >
          Encrypt and store
        </Button>
        <Button disabled={provideSecrets.isPending} onClick={() => void send({})}>
          Skip secrets
        </Button>
      </div>
    </Section>
  );
}

function FailureActions({
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

/** What the rollback did; a repository GitHub would not let us delete is linked for the user. */
function RollbackOutcome({ result }: { result: RollbackResult }) {
  const { repo } = result;
  return (
    <Section title="Rolled back">
      <ul className="grid gap-1 text-sm" data-testid="rollback-outcome">
        <li>
          {result.webhookDeleted ? 'The webhook was deleted.' : 'There was no webhook to delete.'}
        </li>
        {repo.status === 'deleted' && <li>The repository was deleted.</li>}
        {repo.status === 'kept' && <li>The repository was kept.</li>}
        {repo.status === 'refused' && (
          <li role="alert" className="text-amber-800">
            {repo.message}{' '}
            <a className="font-medium text-indigo-700 underline" href={repo.settingsUrl}>
              Open the repository settings
            </a>
          </li>
        )}
      </ul>
    </Section>
  );
}

function Outcome({ snapshot }: { snapshot: SetupSnapshot }) {
  const finished = FINISHED_RUN_STATUSES.includes(snapshot.status);
  const { repo, firstRun } = snapshot;
  if (!repo && !firstRun) return null;
  const runTone: StatusTone =
    firstRun?.conclusion === 'success' ? 'good' : firstRun?.conclusion ? 'bad' : 'busy';
  return (
    <Section title={finished ? 'Result' : 'So far'}>
      {repo && (
        <ul className="grid gap-1 text-sm">
          <li>
            Repository:{' '}
            <a className="font-medium text-indigo-700 underline" href={repo.htmlUrl}>
              {repo.fullName}
            </a>
          </li>
          <li>
            <a className="font-medium text-indigo-700 underline" href={repo.actionsUrl}>
              GitHub Actions
            </a>
          </li>
        </ul>
      )}
      {firstRun && (
        <div className="flex flex-wrap items-center gap-2 text-sm" data-testid="first-run">
          <span>First workflow run:</span>
          <StatusBadge
            tone={runTone}
            label={firstRun.conclusion ?? firstRun.status.replaceAll('_', ' ')}
          />
          {firstRun.failingJob && (
            <span className="text-red-800">
              Failing job: <strong>{firstRun.failingJob}</strong>
            </span>
          )}
          {firstRun.htmlUrl && (
            <a className="text-indigo-700 underline" href={firstRun.htmlUrl}>
              View the run
            </a>
          )}
        </div>
      )}
      {snapshot.status === 'succeeded' && (
        <p className="text-sm">
          <Link
            to={`/dashboard/projects/${snapshot.projectId}`}
            className="text-indigo-700 underline"
          >
            Open the project dashboard
          </Link>
        </p>
      )}
    </Section>
  );
}
