/** `src/ai/ai-client.ts`: the seam between the bot and a model provider. */
export const AI_CLIENT = `import type { ChatTurn } from '../sessions/session-store.js';

export interface AiRequest {
  /** Instructions for the model: who the bot is and how it answers. */
  system: string;
  /** The conversation so far, oldest first, ending with the user's new message. */
  history: readonly ChatTurn[];
  /** Aborts the request when the reply takes too long. */
  signal: AbortSignal;
}

/** A model that continues a conversation. Tests use a fake; src/ai/*-client.ts are the real ones. */
export interface AiClient {
  reply(request: AiRequest): Promise<string>;
}

/** What every provider client is built from. \`fetch\` lets tests answer without the network. */
export interface AiClientOptions {
  apiKey: string;
  model: string;
  timeoutMs: number;
  /** The provider's API root, for a proxy or a local fake; the SDK's default otherwise. */
  baseUrl?: string;
  fetch?: typeof fetch;
}
`;

/** `src/ai/openai-client.ts`: the official `openai` SDK through the Responses API. */
export const OPENAI_CLIENT = `import OpenAI from 'openai';
import type { AiClient, AiClientOptions } from './ai-client.js';

/** A fast, inexpensive model for chat; override with AI_MODEL. */
export const DEFAULT_MODEL = 'gpt-5.4-mini';

/** Replies through OpenAI's Responses API with the official SDK. */
export function createProviderClient({ apiKey, model, timeoutMs, baseUrl, fetch }: AiClientOptions): AiClient {
  // One retry: a chat user would rather get the fallback reply than wait through several.
  const client = new OpenAI({ apiKey, timeout: timeoutMs, maxRetries: 1, ...(baseUrl ? { baseURL: baseUrl } : {}), ...(fetch ? { fetch } : {}) });
  return {
    async reply({ system, history, signal }) {
      const response = await client.responses.create(
        {
          model,
          instructions: system,
          input: history.map((turn) => ({ role: turn.role, content: turn.content })),
          // Conversations stay in our session store, not on OpenAI's side.
          store: false,
        },
        { signal },
      );
      return response.output_text.trim();
    },
  };
}
`;

/** `src/ai/anthropic-client.ts`: the official `@anthropic-ai/sdk` through the Messages API. */
export const ANTHROPIC_CLIENT = `import Anthropic from '@anthropic-ai/sdk';
import type { AiClient, AiClientOptions } from './ai-client.js';

/** A fast, inexpensive model for chat; override with AI_MODEL. */
export const DEFAULT_MODEL = 'claude-haiku-4-5';

/** Long enough for a chat answer, short enough to fit a chat message or two. */
const MAX_TOKENS = 1024;

/** Replies through Anthropic's Messages API with the official SDK. */
export function createProviderClient({ apiKey, model, timeoutMs, baseUrl, fetch }: AiClientOptions): AiClient {
  // One retry: a chat user would rather get the fallback reply than wait through several.
  const client = new Anthropic({ apiKey, timeout: timeoutMs, maxRetries: 1, ...(baseUrl ? { baseURL: baseUrl } : {}), ...(fetch ? { fetch } : {}) });
  return {
    async reply({ system, history, signal }) {
      const message = await client.messages.create(
        {
          model,
          max_tokens: MAX_TOKENS,
          system,
          messages: history.map((turn) => ({ role: turn.role, content: turn.content })),
        },
        { signal },
      );
      return message.content
        .flatMap((block) => (block.type === 'text' ? [block.text] : []))
        .join('')
        .trim();
    },
  };
}
`;
