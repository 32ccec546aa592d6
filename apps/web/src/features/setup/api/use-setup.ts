import { skipToken, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useEffect, useState } from 'react';
import { type RouterOutputs, useTRPC } from '../../../lib/trpc';

/** What the API reports about a setup run (`setupRun.get` / `setupRun.progress`). */
export type SetupSnapshot = RouterOutputs['setupRun']['get'];
export type SetupStep = SetupSnapshot['steps'][number];
export type { SetupRunStatus, SetupStepStatus } from '@botsmith/shared';
export type RollbackResult = RouterOutputs['setupRun']['rollback'];

export function usePreflight() {
  const trpc = useTRPC();
  return useMutation(trpc.setupRun.preflight.mutationOptions({ meta: { handlesErrors: true } }));
}

export function useStartSetup() {
  const trpc = useTRPC();
  return useMutation(trpc.setupRun.start.mutationOptions({ meta: { handlesErrors: true } }));
}

/**
 * Watches a run live over SSE. The stream ends when the run finishes; `rewatch` opens it again
 * after an action (retry, secrets) that sets the run going once more. A snapshot returned by a
 * mutation can be shown at once with `show`.
 */
export function useSetupProgress(runId: string | null) {
  const trpc = useTRPC();
  const [snapshot, setSnapshot] = useState<SetupSnapshot | null>(null);
  const subscription = useSubscription(
    trpc.setupRun.progress.subscriptionOptions(runId ? { runId } : skipToken, {
      onData: (data) => setSnapshot(data),
    }),
  );
  const current = snapshot?.runId === runId ? snapshot : null;
  return {
    snapshot: current,
    error: subscription.error,
    connecting: subscription.status === 'connecting' && !current,
    show: (next: SetupSnapshot | null | undefined) => {
      if (next) setSnapshot(next);
    },
    rewatch: () => subscription.reset(),
  };
}

export function useSetupActions() {
  const trpc = useTRPC();
  const meta = { handlesErrors: true };
  return {
    provideSecrets: useMutation(trpc.setupRun.provideSecrets.mutationOptions({ meta })),
    retry: useMutation(trpc.setupRun.retry.mutationOptions({ meta })),
    rollback: useMutation(trpc.setupRun.rollback.mutationOptions({ meta })),
  };
}

export function useSaveDraft() {
  const trpc = useTRPC();
  return useMutation(trpc.project.saveDraft.mutationOptions({ meta: { handlesErrors: true } }));
}

/**
 * The project a run sets up (its stored config says what step 8's next steps are). Read again
 * once the run has finished: the setup filled in its repository, and the project page shares
 * this cache.
 */
export function useRunProject(projectId: string | null, finished: boolean) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  useEffect(() => {
    if (finished && projectId) {
      void queryClient.invalidateQueries({
        queryKey: trpc.project.get.queryKey({ projectId }),
      });
    }
  }, [finished, projectId, queryClient, trpc]);
  return useQuery(
    trpc.project.get.queryOptions(projectId ? { projectId } : skipToken, {
      meta: { handlesErrors: true },
    }),
  );
}

/**
 * The bot's live URL for step 8. The progress stream ends with the run, but the deploy comes
 * after it: while there is no URL yet, each change to the project's deployments reads the run
 * again.
 */
export function useLiveDeploymentUrl(snapshot: SetupSnapshot): string | null {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const waiting = snapshot.status === 'succeeded' && !snapshot.deploymentUrl;
  const run = useQuery({
    ...trpc.setupRun.get.queryOptions({ runId: snapshot.runId }),
    enabled: false,
    meta: { handlesErrors: true },
  });
  const refresh = () => {
    void run.refetch();
    // The project page, one click away, shows the same URL.
    void queryClient.invalidateQueries(trpc.project.pathFilter());
  };
  useSubscription(
    trpc.deployment.changes.subscriptionOptions(
      waiting ? { projectId: snapshot.projectId } : skipToken,
      // On start too: the deployment may have landed before the subscription did.
      { onStarted: refresh, onData: refresh },
    ),
  );
  return snapshot.deploymentUrl ?? run.data?.deploymentUrl ?? null;
}
