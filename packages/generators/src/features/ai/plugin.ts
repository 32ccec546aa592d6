import { tsString } from '../../lib/escape';

/** The provider a project was generated for, and where its SDK and key come from. */
export interface AiProviderInfo {
  id: 'openai' | 'anthropic';
  label: string;
  keyVariable: 'OPENAI_API_KEY' | 'ANTHROPIC_API_KEY';
  /** The API root's variable: a proxy, a compatible server or a local fake in tests. */
  baseUrlVariable: 'OPENAI_BASE_URL' | 'ANTHROPIC_BASE_URL';
  /** The provider's page for creating an API key. */
  keyUrl: string;
}

/** `src/ai/system-prompt.ts`: the prompt from the wizard, embedded only as a JSON string literal. */
export function systemPromptSource(prompt: string): string {
  return `/** How the model should behave. Generated from your Botsmith answers; edit freely. */
export const SYSTEM_PROMPT = ${tsString(prompt)};
`;
}

/** `src/ai/index.ts`: settings from the environment and the plugin answering free text. */
export function aiIndexSource(provider: AiProviderInfo): string {
  return `import type { BotPlugin, MessageContext } from '../core/index.js';
import { envNumbers } from '../env.js';
import type { ChatTurn } from '../sessions/session-store.js';
import type { AiClient } from './ai-client.js';
import { DEFAULT_MODEL, createProviderClient } from './${provider.id}-client.js';
import { SYSTEM_PROMPT } from './system-prompt.js';

export type { AiClient, AiRequest } from './ai-client.js';

export interface AiSettings {
  apiKey: string;
  model: string;
  /** The provider's API root; the SDK's default when unset. */
  baseUrl?: string;
  /** A reply slower than this is abandoned for the fallback text. */
  timeoutMs: number;
  /** How many recent turns (user and assistant) are sent with each request. */
  historyTurns: number;
}

/** Reads ${provider.keyVariable}, AI_MODEL, ${provider.baseUrlVariable}, AI_TIMEOUT_MS and AI_HISTORY_TURNS. */
export function readAiSettings(env: NodeJS.ProcessEnv): AiSettings {
  const apiKey = env.${provider.keyVariable};
  if (!apiKey) throw new Error('Set ${provider.keyVariable} (see .env.example): AI replies use ${provider.label}.');
  const baseUrl = env.${provider.baseUrlVariable}?.trim();
  const { AI_TIMEOUT_MS, AI_HISTORY_TURNS } = envNumbers(env);
  return {
    apiKey,
    model: env.AI_MODEL?.trim() || DEFAULT_MODEL,
    ...(baseUrl ? { baseUrl } : {}),
    timeoutMs: AI_TIMEOUT_MS,
    historyTurns: AI_HISTORY_TURNS,
  };
}

/** The most recent turns, starting with a user turn as providers require. */
export function trimHistory(history: readonly ChatTurn[], maxTurns: number): ChatTurn[] {
  const recent = history.slice(-maxTurns);
  const firstUser = recent.findIndex((turn) => turn.role === 'user');
  return firstUser === -1 ? [] : recent.slice(firstUser);
}

/**
 * Answers free text with the model, sending the conversation's recent history from the
 * session. A failure or timeout becomes a friendly reply and is reported to analytics.
 */
export function createAiPlugin(
  client: AiClient,
  { timeoutMs, historyTurns, systemPrompt = SYSTEM_PROMPT }: Pick<AiSettings, 'timeoutMs' | 'historyTurns'> & { systemPrompt?: string },
): BotPlugin {
  return {
    name: 'ai',
    async answer(context: MessageContext) {
      const history = trimHistory(
        [...(context.session.history ?? []), { role: 'user', content: context.message.text }],
        historyTurns,
      );
      // A platform may cap model calls (the web chat's daily budget per address): no call then.
      if (context.message.takeModelCall?.() === false) return [{ text: context.t('ai.budgetSpent') }];
      try {
        const signal = AbortSignal.timeout(timeoutMs);
        const text = await client.reply({ system: systemPrompt, history, signal });
        if (text === '') return [{ text: context.t('ai.empty') }];
        context.session.history = trimHistory([...history, { role: 'assistant', content: text }], historyTurns);
        return [{ text }];
      } catch (error) {
        context.reportError(error);
        return [{ text: context.t('ai.unavailable') }];
      }
    },
  };
}

/** Whether ${provider.keyVariable} is set, so free text gets AI replies. */
export function aiEnabled(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.${provider.keyVariable}?.trim());
}

/**
 * The plugin src/app.ts installs: ${provider.label}, configured from the environment. Without
 * the key it answers nothing, so the bot's own replies (commands, echo) answer instead; only
 * the terminal chat starts so, as src/env.ts requires the key for the platforms.
 */
export function aiPlugin(env: NodeJS.ProcessEnv): BotPlugin {
  if (!aiEnabled(env)) return { name: 'ai' };
  const settings = readAiSettings(env);
  return createAiPlugin(createProviderClient(settings), settings);
}
`;
}
