import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC, useTRPCClient } from '../../../lib/trpc';

/** The signed-in user (`null` when signed out), from `auth.me`. */
export function useMe() {
  const trpc = useTRPC();
  return useQuery({ ...trpc.auth.me.queryOptions(), staleTime: 60_000 });
}

/** Whether sign-in goes to github.com or the local emulator. */
export function useSignInOptions() {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.auth.signInOptions.queryOptions(),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/**
 * Signs out (`auth.logout`, or `auth.logoutAll` for every device) and forgets every cached
 * query, since they belonged to the signed-in user.
 */
export function useSignOut({
  everywhere = false,
  onDone,
}: {
  everywhere?: boolean;
  onDone?: () => void;
} = {}) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (): Promise<void> => {
      if (everywhere) await client.auth.logoutAll.mutate();
      else await client.auth.logout.mutate();
    },
    onSuccess: () => {
      queryClient.removeQueries();
      queryClient.setQueryData(trpc.auth.me.queryKey(), null);
      onDone?.();
    },
  });
}

/** Where the sign-in button starts the OAuth flow, returning to `redirect` afterwards. */
export function signInHref(redirect: string): string {
  return `/auth/github?redirect=${encodeURIComponent(redirect)}`;
}
