import { MAX_BATCH_SIZE } from '@botsmith/shared';
import { createTRPCClient, httpBatchLink, type TRPCClient } from '@trpc/client';
import superjson from 'superjson';
import type { AppRouter } from '../trpc/app-router';

/** Options for `createBotsmithClient`. */
export interface BotsmithClientOptions {
  /** The Botsmith server, e.g. `https://botsmith.example.com`; `/trpc` is appended. */
  url: string | URL;
  /** A personal API token (created in the dashboard), sent as `Authorization: Bearer`. */
  token?: string;
  /** A `fetch` implementation; defaults to the global one. */
  fetch?: typeof fetch;
}

/**
 * A fully typed client for every API procedure, for Node scripts (SPEC §2 J5).
 *
 * @example
 * const botsmith = createBotsmithClient({ url: 'http://localhost:3000', token: process.env.BOTSMITH_TOKEN });
 * const { files } = await botsmith.generator.preview.query({ platforms: ['discord'] });
 */
export function createBotsmithClient(options: BotsmithClientOptions): TRPCClient<AppRouter> {
  const base = new URL(options.url);
  if (!base.pathname.endsWith('/trpc')) {
    base.pathname = `${base.pathname.replace(/\/$/, '')}/trpc`;
  }
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: base.toString(),
        transformer: superjson,
        // Configs do not fit comfortably in a URL; the server allows POST for queries.
        methodOverride: 'POST',
        // The server refuses larger batches; more calls at once go out as several requests.
        maxItems: MAX_BATCH_SIZE,
        headers: () => (options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...(options.fetch ? { fetch: options.fetch } : {}),
      }),
    ],
  });
}
