import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { sealSecrets } from '../../../lib/seal-secrets';
import { type RouterOutputs, useTRPC } from '../../../lib/trpc';

/** The project's ledger with each name's state on GitHub (`projectSecrets.list`). */
export type ProjectSecrets = RouterOutputs['projectSecrets']['list'];
export type SecretRow = ProjectSecrets['entries'][number];

export function useProjectSecrets(projectId: string) {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.projectSecrets.list.queryOptions({ projectId }),
    meta: { handlesErrors: true },
    // A draft has no repository: asking again will not change that.
    retry: (count, error) => count < 1 && error.data?.code !== 'PRECONDITION_FAILED',
  });
}

/**
 * Sets, rotates and deletes the values of one project. A secret is sealed here, in the
 * browser, with the `production` environment's public key: the server only sees ciphertext.
 */
export function useSecretChanges(projectId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const meta = { handlesErrors: true };
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: trpc.projectSecrets.list.queryKey({ projectId }) });
  const setSecret = useMutation(trpc.projectSecrets.setSecret.mutationOptions({ meta }));
  const setVariable = useMutation(
    trpc.projectSecrets.setVariable.mutationOptions({ meta, onSuccess: refresh }),
  );
  const remove = useMutation(
    trpc.projectSecrets.remove.mutationOptions({ meta, onSuccess: refresh }),
  );
  const seal = useMutation({
    meta,
    mutationFn: async ({ name, value }: { name: string; value: string }) => {
      // Asked for each time: GitHub may have rotated the environment's key since.
      const { keyId, key } = await queryClient.fetchQuery({
        ...trpc.projectSecrets.publicKey.queryOptions({ projectId }),
        staleTime: 0,
      });
      const [sealed] = await sealSecrets(key, [{ name, value }]);
      if (!sealed) throw new Error('The value could not be encrypted.');
      return setSecret.mutateAsync({
        projectId,
        name,
        keyId,
        encryptedValue: sealed.encryptedValue,
      });
    },
    onSuccess: refresh,
  });
  return { seal, setVariable, remove };
}

/**
 * The newest successful deployment of the project: a redeploy of it runs the deploy workflow
 * again on the same commit, now with the new values.
 */
export function useLatestSuccessfulDeployment(projectId: string, enabled: boolean) {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.deployment.list.queryOptions({ projectId, status: 'success', limit: 1 }),
    enabled,
    select: (page) => page.items[0] ?? null,
  });
}

export function useRedeploy() {
  const trpc = useTRPC();
  return useMutation(trpc.deployment.redeploy.mutationOptions({ meta: { handlesErrors: true } }));
}
