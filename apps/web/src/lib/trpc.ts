import type { AppRouter } from '@botsmith/api';
import { MAX_BATCH_SIZE } from '@botsmith/shared';
import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink } from '@trpc/client';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import superjson from 'superjson';

export type { AppRouter };
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

/** `useTRPC()` gives typed `queryOptions`/`mutationOptions` for every procedure. */
export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

/**
 * The tRPC client; same origin in production and through Vite's proxy in development.
 * Subscriptions (setup progress, deployment changes) stream over SSE (`EventSource`, which
 * sends the session cookie same-origin); everything else goes through the batch link, in
 * batches no larger than the server takes.
 */
export function createTrpcClient() {
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (operation) => operation.type === 'subscription',
        true: httpSubscriptionLink({ url: '/trpc', transformer: superjson }),
        false: httpBatchLink({ url: '/trpc', transformer: superjson, maxItems: MAX_BATCH_SIZE }),
      }),
    ],
  });
}
