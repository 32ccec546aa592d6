import type { BuildConfig, ConfigIssue } from '@botsmith/shared';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../../lib/trpc';

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
  if (typeof error !== 'object' || error === null || !('data' in error)) return null;
  const data = error.data;
  if (typeof data !== 'object' || data === null || !('configIssues' in data)) return null;
  return Array.isArray(data.configIssues) ? (data.configIssues as ConfigIssue[]) : null;
}
