import { createTRPCClient, type TRPCClient } from '@trpc/client';
import type { AppRouter } from './app-router';
import { createBotsmithLinks, type EventSourceConstructor } from './create-botsmith-links';

/** A typed client for every procedure of the Botsmith API. */
export type BotsmithClient = TRPCClient<AppRouter>;

/** Options for `createBotsmithClient`. */
export interface BotsmithClientOptions {
  /** The Botsmith server, e.g. `https://botsmith.example.com`; `/trpc` is appended. */
  url: string | URL;
  /** A personal API token (created on the Account page), sent as `Authorization: Bearer`. */
  token?: string;
  /** A `fetch` implementation; defaults to the global one. */
  fetch?: typeof fetch;
  /**
   * For subscriptions in Node: an `EventSource` that takes a `fetch` option, such as the
   * `eventsource` package's, so the token goes with the stream too.
   */
  EventSource?: EventSourceConstructor;
}

/** The tRPC endpoint of a Botsmith server given by its origin (or already by `…/trpc`). */
function trpcUrl(url: string | URL): string {
  const endpoint = new URL(url);
  if (!endpoint.pathname.endsWith('/trpc')) {
    endpoint.pathname = `${endpoint.pathname.replace(/\/$/, '')}/trpc`;
  }
  return endpoint.toString();
}

/**
 * A fully typed client for scripts (SPEC §2 J5): queries, mutations and, with an
 * `EventSource`, subscriptions, authenticated by a personal API token.
 *
 * @example
 * const botsmith = createBotsmithClient({ url: 'http://localhost:3000', token: process.env.BOTSMITH_TOKEN });
 * const { files } = await botsmith.generator.preview.query({ platforms: ['discord'] });
 */
export function createBotsmithClient(options: BotsmithClientOptions): BotsmithClient {
  const { token } = options;
  return createTRPCClient<AppRouter>({
    links: createBotsmithLinks({
      url: trpcUrl(options.url),
      headers: () => (token ? { authorization: `Bearer ${token}` } : {}),
      methodOverride: 'POST',
      ...(options.fetch && { fetch: options.fetch }),
      ...(options.EventSource && { EventSource: options.EventSource }),
    }),
  });
}
