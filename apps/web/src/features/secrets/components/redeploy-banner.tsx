import type { ReactNode } from 'react';
import { Button } from '../../../components/ui/button';
import { useLatestSuccessfulDeployment, useRedeploy } from '../api/use-project-secrets';

/**
 * After a change: the running bot still has the old values until it is deployed again. The
 * redeploy runs the deploy workflow on the last successfully deployed commit.
 */
export function RedeployBanner({
  projectId,
  redeployable,
}: {
  projectId: string;
  redeployable: boolean;
}) {
  const latest = useLatestSuccessfulDeployment(projectId, redeployable);
  const redeploy = useRedeploy();
  const deployment = latest.data;

  let body: ReactNode;
  if (!redeployable) {
    body = (
      <p>
        The new values apply at the next deploy: there is no successful deployment to repeat yet.
      </p>
    );
  } else if (redeploy.isSuccess) {
    body = (
      <p>
        Redeploy of {redeploy.data.commitSha.slice(0, 7)} started: the deploy workflow delivers the
        new values to the host.
      </p>
    );
  } else if (latest.isPending) {
    body = <p>Looking for the last deployment…</p>;
  } else if (!deployment) {
    body = (
      <p>
        The new values apply at the first deploy: there is no successful deployment to repeat yet.
      </p>
    );
  } else {
    body = (
      <div className="flex flex-wrap items-center gap-3">
        <p className="min-w-0 flex-1">The running bot still has the old values.</p>
        <Button
          variant="primary"
          size="sm"
          disabled={redeploy.isPending}
          onClick={() => redeploy.mutate({ deploymentId: deployment.id })}
        >
          {redeploy.isPending ? 'Starting…' : 'Redeploy with the new values'}
        </Button>
      </div>
    );
  }

  return (
    <section
      aria-label="Redeploy"
      className="grid gap-2 rounded-lg border border-indigo-200 bg-indigo-50 px-4 py-3 text-sm text-indigo-950"
    >
      {body}
      {redeploy.error && (
        <p role="alert" className="font-medium text-red-700">
          The redeploy did not start: {redeploy.error.message}
        </p>
      )}
      {latest.error && (
        <p role="alert" className="font-medium text-red-700">
          The deployments could not be loaded: {latest.error.message}
        </p>
      )}
    </section>
  );
}
