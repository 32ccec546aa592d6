import { Section } from '../../../components/ui/card';
import { StatusBadge, type StatusTone } from '../../../components/ui/status-badge';
import { projectPath } from '../../../lib/paths';
import { Link } from '../../../lib/router';
import type { RollbackResult, SetupSnapshot } from '../api/use-setup';
import { RUN_STATUS } from './setup-status';

/** What came of the run: the rollback's outcome if there was one, the repository, the first run. */
export function OutcomePanel({
  snapshot,
  rolledBack,
}: {
  snapshot: SetupSnapshot;
  rolledBack: RollbackResult | null;
}) {
  return (
    <>
      {rolledBack && <RollbackOutcome result={rolledBack} />}
      <RunResult snapshot={snapshot} />
    </>
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

function RunResult({ snapshot }: { snapshot: SetupSnapshot }) {
  const { finished } = RUN_STATUS[snapshot.status];
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
          <Link to={projectPath(snapshot.projectId)} className="text-indigo-700 underline">
            Open the project dashboard
          </Link>
        </p>
      )}
    </Section>
  );
}
