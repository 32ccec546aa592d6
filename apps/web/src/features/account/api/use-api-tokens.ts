import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../../../lib/trpc';

/** The signed-in user's API tokens, and mutations that keep the list fresh. */
export function useApiTokens() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.apiToken.list.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.activity.list.queryKey() }),
    ]);
  const list = useQuery(trpc.apiToken.list.queryOptions());
  const create = useMutation({
    ...trpc.apiToken.create.mutationOptions(),
    meta: { handlesErrors: true },
    onSuccess: refresh,
  });
  const revoke = useMutation({ ...trpc.apiToken.revoke.mutationOptions(), onSuccess: refresh });
  return { list, create, revoke };
}

/** The signed-in user's recent activity (audit log). */
export function useActivity() {
  const trpc = useTRPC();
  return useQuery(trpc.activity.list.queryOptions({ limit: 20 }));
}
