import type { DeploymentStatus } from '@botsmith/shared';
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useState } from 'react';
import { type RouterOutputs, useTRPC } from '../../../lib/trpc';
import { applyDeploymentChange, type DeploymentListInput } from '../state/apply-deployment-change';

export type ProjectItem = RouterOutputs['project']['list']['items'][number];
export type { ProjectStatus } from '@botsmith/shared';
export type DeploymentItem = RouterOutputs['deployment']['list']['items'][number];
export type DeploymentStatusFilter = DeploymentStatus | undefined;

/**
 * Cursor pagination as "previous / next": the cursors of the pages before the current one
 * are kept, so going back needs no reverse cursor.
 */
export function useCursorPages() {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const cursor = cursors.at(-1) ?? null;
  return {
    cursor,
    page: cursors.length,
    next: (nextCursor: string) => setCursors((list) => [...list, nextCursor]),
    previous: () => setCursors((list) => (list.length > 1 ? list.slice(0, -1) : list)),
    reset: () => setCursors([null]),
  };
}

export function useProjects(cursor: string | null) {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.project.list.queryOptions({ limit: 20, cursor }),
    placeholderData: keepPreviousData,
  });
}

export function useProject(projectId: string) {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.project.get.queryOptions({ projectId }),
    meta: { handlesErrors: true },
  });
}

export function useDeployments(input: {
  projectId: string;
  status: DeploymentStatusFilter;
  cursor: string | null;
}) {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.deployment.list.queryOptions({ limit: 20, ...input }),
    placeholderData: keepPreviousData,
  });
}

/** The last setup run of a project (`null` when it never had one). */
export function useLatestSetup(projectId: string) {
  const trpc = useTRPC();
  return useQuery(trpc.setupRun.latestForProject.queryOptions({ projectId }));
}

export function useDeploymentStats(projectId: string) {
  const trpc = useTRPC();
  return useQuery(trpc.deployment.stats.queryOptions({ projectId }));
}

const ACTIVITY_PAGE = 20;

/** A project's activity, newest first; a page shorter than the limit is the last one. */
export function useActivity(projectId: string) {
  const trpc = useTRPC();
  return useInfiniteQuery(
    trpc.activity.list.infiniteQueryOptions(
      { projectId, limit: ACTIVITY_PAGE },
      {
        getNextPageParam: (page) =>
          page.length < ACTIVITY_PAGE ? undefined : (page.at(-1)?.id ?? undefined),
      },
    ),
  );
}

/**
 * Keeps the deployments on screen live: every change streamed by `deployment.changes` (SSE)
 * is folded into the cached list pages, and the stats and project list are refetched.
 */
export function useLiveDeployments(projectId?: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useSubscription(
    trpc.deployment.changes.subscriptionOptions(projectId ? { projectId } : {}, {
      onData: (change) => {
        const lists = queryClient.getQueriesData<RouterOutputs['deployment']['list']>(
          trpc.deployment.list.pathFilter(),
        );
        for (const [key, page] of lists) {
          if (!page) continue;
          const input = ((key[1] as { input?: DeploymentListInput } | undefined)?.input ??
            {}) as DeploymentListInput;
          queryClient.setQueryData(key, applyDeploymentChange(page, change, input));
        }
        void queryClient.invalidateQueries(trpc.deployment.stats.pathFilter());
        // The list's counts and a project's live URL.
        void queryClient.invalidateQueries(trpc.project.pathFilter());
        void queryClient.invalidateQueries(trpc.activity.list.pathFilter());
      },
    }),
  );
}

export function useProjectActions() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = () => {
    void queryClient.invalidateQueries(trpc.project.pathFilter());
    void queryClient.invalidateQueries(trpc.activity.list.pathFilter());
  };
  return {
    rename: useMutation(trpc.project.rename.mutationOptions({ onSuccess: refresh })),
    remove: useMutation(trpc.project.delete.mutationOptions({ onSuccess: refresh })),
    disconnect: useMutation(trpc.project.disconnectWebhook.mutationOptions({ onSuccess: refresh })),
  };
}

export function useRedeploy() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.deployment.redeploy.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries(trpc.activity.list.pathFilter()),
    }),
  );
}
