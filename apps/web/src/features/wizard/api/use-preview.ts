import type { BuildConfig, ConfigIssue } from '@botsmith/shared';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { TRPCClientError } from '@trpc/client';
import { type AppRouter, useTRPC } from '../../../lib/trpc';

/** The generated files for a config, regenerated whenever the config changes. */
export function usePreview(config: BuildConfig) {
  const trpc = useTRPC();
  return useQuery(
    trpc.generator.preview.queryOptions(config, {
      placeholderData: keepPreviousData,
      // Validation problems are listed on the page with links to their steps.
      meta: { handlesErrors: true },
      retry: false,
    }),
  );
}

/** The per-field problems the server attaches to a BAD_REQUEST, if any. */
export function configIssuesOf(error: unknown): ConfigIssue[] | null {
  if (!(error instanceof TRPCClientError)) return null;
  return (error as TRPCClientError<AppRouter>).data?.configIssues ?? null;
}
