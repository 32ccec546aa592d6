/** `src/platforms/whatsapp-graph.ts`: sending text messages through the Graph API with fetch. */
export const WHATSAPP_GRAPH = `/** The Graph API version used unless WHATSAPP_GRAPH_VERSION says otherwise. */
export const DEFAULT_GRAPH_VERSION = 'v23.0';

/** Reads WHATSAPP_GRAPH_VERSION ("v23.0"), so moving to a newer version needs no code change. */
export function readGraphVersion(env: NodeJS.ProcessEnv): string {
  const version = env.WHATSAPP_GRAPH_VERSION?.trim() || DEFAULT_GRAPH_VERSION;
  if (!/^v\\d+\\.\\d+$/.test(version)) {
    throw new Error('WHATSAPP_GRAPH_VERSION must look like v23.0, got ' + JSON.stringify(version));
  }
  return version;
}

/** What the adapter needs from the Graph API. */
export interface GraphClient {
  sendText(to: string, text: string): Promise<void>;
  /** A message with up to three reply buttons; pressing one sends its id back as the user's message. */
  sendButtons(to: string, text: string, buttons: readonly { id: string; title: string }[]): Promise<void>;
}

/** WhatsApp's limits for reply buttons: three per message, titles of 20 characters, a body of 1024. */
export const BUTTON_LIMITS = { count: 3, title: 20, body: 1024 } as const;

export interface GraphClientOptions {
  accessToken: string;
  phoneNumberId: string;
  version: string;
  /** Replaceable for tests; defaults to the global fetch. */
  fetch?: typeof fetch;
  baseUrl?: string;
}

/** Thrown when the Graph API refuses a request; the body says why (token expired, not in the 24-hour window, ...). */
export class GraphApiError extends Error {
  constructor(readonly status: number, readonly body: string) {
    super('WhatsApp Graph API answered HTTP ' + status + ': ' + body.slice(0, 500));
    this.name = 'GraphApiError';
  }
}

/**
 * Sends text and reply buttons with POST /{version}/{phone-number-id}/messages. Meta's own Node SDK is
 * paused and its wrappers are archived, so this is plain fetch (SPEC §5.1).
 */
export function createGraphClient(options: GraphClientOptions): GraphClient {
  const send = options.fetch ?? fetch;
  const base = options.baseUrl ?? 'https://graph.facebook.com';
  const url = base + '/' + options.version + '/' + encodeURIComponent(options.phoneNumberId) + '/messages';
  async function post(to: string, message: Record<string, unknown>): Promise<void> {
    const response = await send(url, {
      method: 'POST',
      headers: { authorization: 'Bearer ' + options.accessToken, 'content-type': 'application/json' },
      body: JSON.stringify({ messaging_product: 'whatsapp', recipient_type: 'individual', to, ...message }),
      signal: AbortSignal.timeout(15_000),
    });
    if (!response.ok) throw new GraphApiError(response.status, await response.text());
  }
  return {
    sendText: (to, text) => post(to, { type: 'text', text: { body: text, preview_url: false } }),
    sendButtons: (to, text, buttons) =>
      post(to, {
        type: 'interactive',
        interactive: {
          type: 'button',
          body: { text },
          action: { buttons: buttons.map((reply) => ({ type: 'reply', reply })) },
        },
      }),
  };
}
`;
