import type { FeatureModule, MessageCatalog } from '../../types';
import { MODERATION_INDEX } from './plugin';
import { RATE_LIMITER, WORD_FILTER } from './sources';
import { MODERATION_TEST } from './tests';

const MESSAGES: MessageCatalog = {
  'moderation.rateLimited': {
    en: 'You are sending messages too quickly. Please wait a moment.',
    es: 'Estás enviando mensajes demasiado rápido. Espera un momento.',
    de: 'Du sendest Nachrichten zu schnell. Bitte warte einen Moment.',
  },
  'moderation.blocked': {
    en: 'I cannot respond to that message because it contains a blocked word.',
    es: 'No puedo responder a ese mensaje porque contiene una palabra bloqueada.',
    de: 'Auf diese Nachricht kann ich nicht antworten, weil sie ein gesperrtes Wort enthält.',
  },
};

/**
 * Moderation: a whole-word filter (list from `BLOCKED_WORDS` or a file) and a per-user token
 * bucket rate limit, run as the first filtering plugin, before commands and answers.
 */
export const moderationFeature: FeatureModule<'moderation'> = {
  id: 'moderation',
  label: 'Moderation',
  contribute: () => ({
    files: [
      { path: 'src/moderation/index.ts', content: MODERATION_INDEX },
      { path: 'src/moderation/rate-limiter.ts', content: RATE_LIMITER },
      { path: 'src/moderation/word-filter.ts', content: WORD_FILTER },
      { path: 'test/moderation.test.ts', content: MODERATION_TEST },
    ],
    plugins: [{ module: 'moderation/index', exportName: 'moderationPlugin' }],
    messages: MESSAGES,
    envVars: [
      {
        name: 'BLOCKED_WORDS',
        description:
          'Comma-separated words or phrases the bot refuses to process (whole words, any case).',
        required: false,
      },
      {
        name: 'BLOCKED_WORDS_FILE',
        description: 'Path of a file with more blocked words, one per line (# starts a comment).',
        required: false,
      },
      {
        name: 'RATE_LIMIT_BURST',
        description: 'Messages one user may send in a burst (default 5).',
        example: '5',
        required: false,
        integer: { min: 1, default: 5 },
      },
      {
        name: 'RATE_LIMIT_PER_MINUTE',
        description: 'Messages per minute a user may keep sending after a burst (default 20).',
        example: '20',
        required: false,
        integer: { min: 1, default: 20 },
      },
    ],
    readme: [
      {
        order: 59,
        title: 'Moderation',
        body: [
          'Every message passes moderation (`src/moderation/`) before the bot handles it:',
          '',
          '- **Rate limit**: a token bucket per user allows `RATE_LIMIT_BURST` messages at once and `RATE_LIMIT_PER_MINUTE` after that. A user who exceeds it is told once and then ignored until the bucket refills. Admins are exempt. In the web chat a user is both the client address and the signed session, and both must pass, so starting a new session does not reset the limit.',
          '- **Word filter**: messages containing a word or phrase from `BLOCKED_WORDS` (comma-separated) or `BLOCKED_WORDS_FILE` (one per line) are refused. Matching is whole-word and case-insensitive, so blocking "ass" does not block "class".',
        ].join('\n'),
      },
    ],
  }),
};
