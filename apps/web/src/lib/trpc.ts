import { type AppRouter, createBotsmithLinks } from '@botsmith/client';
import { createTRPCClient } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';

export type { AppRouter, RouterInputs, RouterOutputs } from '@botsmith/client';

/** `useTRPC()` gives typed `queryOptions`/`mutationOptions` for every procedure. */
export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

/**
 * The tRPC client; same origin in production and through Vite's proxy in development.
 * Subscriptions (setup progress, deployment changes) stream over SSE with the browser's own
 * `EventSource`, which sends the session cookie same-origin.
 */
export function createTrpcClient() {
  return createTRPCClient<AppRouter>({ links: createBotsmithLinks({ url: '/trpc' }) });
}
