import { DEPLOYMENT_STATUS_VALUES } from '@botsmith/shared';
import { useState } from 'react';
import { Section } from '../../../components/ui/card';
import { controlClass } from '../../../components/ui/field';
import { toast } from '../../../components/ui/toast';
import {
  type DeploymentStatusFilter,
  useCursorPages,
  useDeployments,
  useRedeploy,
} from '../api/use-dashboard';
import { DeploymentRow } from './deployment-row';
import { deploymentStatusLabel } from './deployment-status';
import { Pager } from './pager';

/** A project's deployments, live, filtered by status, with a redeploy of earlier ones. */
export function DeploymentsPanel({ projectId }: { projectId: string }) {
  const [status, setStatus] = useState<DeploymentStatusFilter>(undefined);
  const pages = useCursorPages();
  const deployments = useDeployments({ projectId, status, cursor: pages.cursor });
  const redeploy = useRedeploy();
  const items = deployments.data?.items ?? [];
  // Redeploying the newest successful deployment would change nothing: only earlier ones.
  const newestSuccess =
    pages.page === 1 && !status ? items.find((d) => d.status === 'success') : undefined;

  return (
    <Section title="Deployments">
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor="deployment-status" className="text-sm font-medium text-slate-700">
          Status
        </label>
        <select
          id="deployment-status"
          className={`${controlClass} max-w-48`}
          value={status ?? ''}
          onChange={(event) => {
            setStatus((event.target.value || undefined) as DeploymentStatusFilter);
            pages.reset();
          }}
        >
          <option value="">All</option>
          {DEPLOYMENT_STATUS_VALUES.map((value) => (
            <option key={value} value={value}>
              {deploymentStatusLabel(value)}
            </option>
          ))}
        </select>
      </div>
      {deployments.isPending && (
        <p role="status" className="text-sm text-slate-500">
          Loading deployments…
        </p>
      )}
      {deployments.isError && (
        <p role="alert" className="text-sm text-red-700">
          The deployments could not be loaded: {deployments.error.message}
        </p>
      )}
      {deployments.data && items.length === 0 && (
        <p className="text-sm text-slate-500">
          {status
            ? 'No deployments with this status.'
            : 'No deployments yet: they appear here as GitHub Actions runs.'}
        </p>
      )}
      {items.length > 0 && (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm" aria-label="Deployments">
            <thead className="text-xs uppercase text-slate-500">
              <tr>
                <th className="py-2 pr-4 font-medium">Status</th>
                <th className="py-2 pr-4 font-medium">Workflow</th>
                <th className="py-2 pr-4 font-medium">Commit</th>
                <th className="py-2 pr-4 font-medium">Started</th>
                <th className="py-2 pr-4 font-medium">Duration</th>
                <th className="py-2" />
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {items.map((deployment) => (
                <DeploymentRow
                  key={deployment.id}
                  deployment={deployment}
                  canRedeploy={
                    deployment.status === 'success' && deployment.id !== newestSuccess?.id
                  }
                  redeploying={
                    redeploy.isPending && redeploy.variables?.deploymentId === deployment.id
                  }
                  onRedeploy={() =>
                    redeploy.mutate(
                      { deploymentId: deployment.id },
                      {
                        onSuccess: (result) =>
                          toast({
                            tone: 'success',
                            title: `Redeploy of ${result.commitSha.slice(0, 7)} dispatched`,
                          }),
                      },
                    )
                  }
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager
        label="Deployment pages"
        page={pages.page}
        hasNext={Boolean(deployments.data?.nextCursor)}
        onPrevious={pages.previous}
        onNext={() => deployments.data?.nextCursor && pages.next(deployments.data.nextCursor)}
      />
    </Section>
  );
}
