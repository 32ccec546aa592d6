/** Every chat platform Botsmith can generate an adapter for, in wizard order. */
export const PLATFORM_IDS = [
  'discord',
  'telegram',
  'whatsapp',
  'slack',
  'twitter',
  'webchat',
  'cli',
] as const;

export type PlatformId = (typeof PLATFORM_IDS)[number];

export interface PlatformInfo {
  id: PlatformId;
  label: string;
  description: string;
  /** The library the generated adapter is built on. */
  library: string;
}

/**
 * The platform catalog shown in wizard step 1.
 *
 * @example PLATFORMS.find((p) => p.id === 'discord')?.label // "Discord"
 */
export const PLATFORMS: readonly PlatformInfo[] = [
  {
    id: 'discord',
    label: 'Discord',
    description: 'Slash commands and messages over the Discord gateway.',
    library: 'discord.js',
  },
  {
    id: 'telegram',
    label: 'Telegram',
    description: 'Long polling in development, a verified webhook in production.',
    library: 'grammY',
  },
  {
    id: 'whatsapp',
    label: 'WhatsApp',
    description: 'WhatsApp Business Cloud API webhooks with signature verification.',
    library: 'Graph API (fetch)',
  },
  {
    id: 'slack',
    label: 'Slack',
    description: 'A Bolt app in Socket Mode: no public URL needed.',
    library: '@slack/bolt',
  },
  {
    id: 'twitter',
    label: 'Twitter / X',
    description: 'Answers mentions by polling the X API.',
    library: 'twitter-api-v2',
  },
  {
    id: 'webchat',
    label: 'Web chat',
    description: 'An embeddable chat widget and its HTTP API.',
    library: 'Hono',
  },
  {
    id: 'cli',
    label: 'Terminal (CLI)',
    description: 'Talk to the bot in a terminal; handy for local testing.',
    library: 'node:readline',
  },
];
