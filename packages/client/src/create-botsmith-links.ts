import { MAX_BATCH_SIZE } from '@botsmith/shared/max-batch-size';
import {
  type HTTPHeaders,
  httpBatchLink,
  httpSubscriptionLink,
  splitLink,
  type TRPCLink,
} from '@trpc/client';
import superjson from 'superjson';
import type { AppRouter } from './app-router';

/**
 * An `EventSource` class for runtimes without one (Node). To send `headers` (an API token)
 * with subscriptions it must take a `fetch` in its options, as the `eventsource` package does.
 */
export type EventSourceConstructor = NonNullable<
  Parameters<typeof httpSubscriptionLink>[0]['EventSource']
>;

/** Options for `createBotsmithLinks`. */
export interface BotsmithLinksOptions {
  /** The tRPC endpoint: `/trpc` in the browser (same origin), `https://…/trpc` elsewhere. */
  url: string;
  /** Headers for every request, subscriptions included when `EventSource` is given. */
  headers?: () => HTTPHeaders;
  /** A `fetch` implementation; defaults to the global one. */
  fetch?: typeof fetch;
  /**
   * The `EventSource` for subscriptions; defaults to the global one, which in a browser sends
   * the session cookie same-origin but can send no headers.
   */
  EventSource?: EventSourceConstructor;
  /** `'POST'` sends queries as POST too: a whole BuildConfig does not fit well in a URL. */
  methodOverride?: 'POST';
}

/**
 * The links every Botsmith client uses: subscriptions (setup progress, deployment changes)
 * over SSE, everything else batched, in batches no larger than the server takes.
 *
 * @example
 * const client = createTRPCClient<AppRouter>({ links: createBotsmithLinks({ url: '/trpc' }) });
 */
export function createBotsmithLinks(options: BotsmithLinksOptions): TRPCLink<AppRouter>[] {
  const { url, headers = () => ({}), EventSource } = options;
  const fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
  return [
    splitLink({
      condition: (operation) => operation.type === 'subscription',
      true: httpSubscriptionLink({
        url,
        transformer: superjson,
        ...(EventSource && {
          EventSource,
          // The `eventsource` package fetches the stream itself, through this function.
          eventSourceOptions: {
            fetch: (input: string | URL | Request, init?: RequestInit) => {
              const merged = new Headers(init?.headers);
              for (const [name, value] of Object.entries(headers())) {
                if (typeof value === 'string') merged.set(name, value);
              }
              return fetchImpl(input, { ...init, headers: merged });
            },
          },
        }),
      }),
      false: httpBatchLink({
        url,
        transformer: superjson,
        maxItems: MAX_BATCH_SIZE,
        headers,
        ...(options.methodOverride && { methodOverride: options.methodOverride }),
        ...(options.fetch && { fetch: options.fetch }),
      }),
    }),
  ];
}
