import { groupLedger } from '@botsmith/shared';
import { type ReactNode, useState } from 'react';
import { MissingSummary } from '../../../components/ledger/missing-summary';
import { ErrorBoundary } from '../../../components/ui/error-boundary';
import { projectPath } from '../../../lib/paths';
import { Link } from '../../../lib/router';
import { missingByGroup } from '../../../lib/runtime-ledger';
import { type ProjectSecrets, useProjectSecrets } from '../api/use-project-secrets';
import { namesSet } from '../state/secret-rows';
import { RedeployBanner } from './redeploy-banner';
import { SecretRow } from './secret-row';

/**
 * `/dashboard/projects/:id/secrets`: every name of the project's runtime ledger with its state in the
 * GitHub `production` environment; set, rotate or delete a value, then redeploy with it.
 */
export function SecretsPage({ projectId }: { projectId: string }) {
  const secrets = useProjectSecrets(projectId);
  const back = (
    <Link to={projectPath(projectId)} className="text-sm text-indigo-700 hover:underline">
      ← Project
    </Link>
  );

  if (secrets.isPending) {
    return (
      <p role="status" className="text-sm text-slate-500">
        Loading the secrets…
      </p>
    );
  }
  if (secrets.isError) {
    const code = secrets.error.data?.code;
    return (
      <div role="alert" className="grid gap-2">
        <p className="rounded-lg bg-red-50 px-4 py-3 text-sm text-red-800">
          {code === 'NOT_FOUND'
            ? 'There is no such project among yours.'
            : code === 'PRECONDITION_FAILED'
              ? 'This project is a draft: it has no repository on GitHub yet, so nothing to set. Finish its setup first.'
              : `The secrets could not be loaded: ${secrets.error.message}`}
        </p>
        {back}
      </div>
    );
  }
  return <SecretsList projectId={projectId} data={secrets.data} back={back} />;
}

function SecretsList({
  projectId,
  data,
  back,
}: {
  projectId: string;
  data: ProjectSecrets;
  back: ReactNode;
}) {
  const [changed, setChanged] = useState(false);
  const onChanged = () => setChanged(true);
  return (
    <div className="grid min-w-0 gap-6">
      <header className="grid gap-1">
        {back}
        <h1 className="text-2xl font-semibold tracking-tight">Secrets and variables</h1>
        <p className="text-sm break-all text-slate-600">
          <code>{data.repo}</code> · environment <code>{data.environment}</code>
        </p>
        <p className="text-sm text-slate-500">
          Secret values are encrypted in your browser and never read back; plain values are shown.
        </p>
      </header>
      {changed && (
        <ErrorBoundary label="the redeploy">
          <RedeployBanner projectId={projectId} redeployable={data.redeployable} />
        </ErrorBoundary>
      )}
      {data.entries.length === 0 ? (
        <p className="text-sm text-slate-500">This project needs no secrets or variables.</p>
      ) : (
        <>
          <MissingSummary missing={missingByGroup(data.entries, namesSet(data.entries))} />
          {groupLedger(data.entries).map((group, index) => (
            <section
              key={`${group.kind}:${group.label}`}
              aria-labelledby={`secrets-group-${index}`}
              className="grid min-w-0 gap-3"
            >
              <h2 id={`secrets-group-${index}`} className="text-lg font-semibold text-slate-900">
                {group.label}
              </h2>
              <ul className="grid min-w-0 gap-3">
                {group.entries.map((row) => (
                  <SecretRow key={row.name} projectId={projectId} row={row} onChanged={onChanged} />
                ))}
              </ul>
            </section>
          ))}
        </>
      )}
    </div>
  );
}
