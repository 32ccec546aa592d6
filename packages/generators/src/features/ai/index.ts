import type { BuildConfig } from '@botsmith/shared';
import type { Contribution, FeatureModule, MessageCatalog } from '../../types';
import { AI_CLIENT, ANTHROPIC_CLIENT, OPENAI_CLIENT } from './clients';
import { type AiProviderInfo, aiIndexSource, systemPromptSource } from './plugin';
import { AI_TEST, providerClientTest } from './tests';

const PROVIDERS: Record<AiProviderInfo['id'], AiProviderInfo> = {
  openai: {
    id: 'openai',
    label: 'OpenAI',
    keyVariable: 'OPENAI_API_KEY',
    baseUrlVariable: 'OPENAI_BASE_URL',
    keyUrl: 'https://platform.openai.com/api-keys',
  },
  anthropic: {
    id: 'anthropic',
    label: 'Anthropic',
    keyVariable: 'ANTHROPIC_API_KEY',
    baseUrlVariable: 'ANTHROPIC_BASE_URL',
    keyUrl: 'https://console.anthropic.com/settings/keys',
  },
};

const MESSAGES: MessageCatalog = {
  'ai.unavailable': {
    en: 'Sorry, I cannot answer right now. Please try again in a moment.',
    es: 'Lo siento, ahora no puedo responder. Inténtalo de nuevo en un momento.',
    de: 'Entschuldigung, ich kann gerade nicht antworten. Bitte versuche es gleich noch einmal.',
  },
  'ai.budgetSpent': {
    en: "Today's AI answers for your network address are used up. They start again at midnight UTC.",
    es: 'Las respuestas de IA de hoy para tu dirección de red se han agotado. Vuelven a medianoche (UTC).',
    de: 'Die KI-Antworten für deine Netzwerkadresse sind für heute aufgebraucht. Ab Mitternacht (UTC) gibt es wieder welche.',
  },
  'ai.empty': {
    en: 'I have nothing to add to that.',
    es: 'No tengo nada que añadir a eso.',
    de: 'Dazu habe ich nichts hinzuzufügen.',
  },
};

/** The provider AI replies use, with its key variable and where to create a key. */
export function aiProviderOf(config: BuildConfig): AiProviderInfo {
  // The schema guarantees a provider whenever the feature is on.
  return PROVIDERS[config.ai.provider === 'anthropic' ? 'anthropic' : 'openai'];
}

/**
 * AI replies: free text is answered by OpenAI or Anthropic through their official SDKs, behind
 * an `AiClient` interface (tests use a fake), with the wizard's system prompt, the session's
 * recent history, a timeout and a friendly fallback.
 */
export const aiFeature: FeatureModule<'ai'> = {
  id: 'ai',
  label: 'AI replies',
  contribute: (config): Contribution => {
    const provider = aiProviderOf(config);
    const clientSource = provider.id === 'openai' ? OPENAI_CLIENT : ANTHROPIC_CLIENT;
    return {
      files: [
        { path: 'src/ai/ai-client.ts', content: AI_CLIENT },
        { path: `src/ai/${provider.id}-client.ts`, content: clientSource },
        { path: 'src/ai/index.ts', content: aiIndexSource(provider) },
        { path: 'src/ai/system-prompt.ts', content: systemPromptSource(config.ai.systemPrompt) },
        { path: 'test/ai.test.ts', content: AI_TEST },
        { path: `test/${provider.id}-client.test.ts`, content: providerClientTest(provider) },
      ],
      dependencies: [provider.id === 'openai' ? 'openai' : '@anthropic-ai/sdk'],
      plugins: [{ module: 'ai/index', exportName: 'aiPlugin' }],
      messages: MESSAGES,
      envVars: [
        {
          name: provider.keyVariable,
          secret: true,
          description: `${provider.label} API key for AI replies.`,
          required: true,
          helpUrl: provider.keyUrl,
          // The terminal chat runs without it, answering without AI (src/chat.ts says so).
          optionalInChat: config.platforms.includes('cli'),
        },
        {
          name: 'AI_MODEL',
          description: `${provider.label} model for AI replies (default in src/ai/${provider.id}-client.ts).`,
          required: false,
        },
        {
          name: provider.baseUrlVariable,
          description: `${provider.label} API root for a proxy or a compatible server (default ${provider.label}'s own).`,
          required: false,
        },
        {
          name: 'AI_TIMEOUT_MS',
          description:
            'Milliseconds to wait for an AI reply before answering with an apology (default 20000).',
          required: false,
          integer: { min: 1, default: 20_000 },
        },
        {
          name: 'AI_HISTORY_TURNS',
          description: 'Recent conversation turns sent with each AI request (default 20).',
          required: false,
          integer: { min: 1, default: 20 },
        },
      ],
      readme: [
        {
          order: 58,
          title: 'AI replies',
          body: [
            `Free text is answered by ${provider.label} through its official SDK (\`src/ai/${provider.id}-client.ts\`). Set \`${provider.keyVariable}\`; \`AI_MODEL\` picks the model.`,
            `The system prompt is in \`src/ai/system-prompt.ts\`. ${config.features.includes('sessions') ? "Each request carries the conversation's recent turns from the session store (`AI_HISTORY_TURNS`)." : 'Without conversation memory each message is answered on its own.'}`,
            'A reply slower than `AI_TIMEOUT_MS` or a provider error becomes a friendly apology. Tests use a fake `AiClient`, so they need no key and no network.',
          ].join(' '),
        },
      ],
    };
  },
};
