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
  /**
   * Whether the bot runs as a long-lived service a host can deploy (and health-check). A
   * terminal chat only runs while someone types in it, so it has nothing to deploy.
   */
  runsAsService: boolean;
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
    runsAsService: true,
  },
  {
    id: 'telegram',
    label: 'Telegram',
    description: 'Long polling in development, a verified webhook in production.',
    library: 'grammY',
    runsAsService: true,
  },
  {
    id: 'whatsapp',
    label: 'WhatsApp',
    description: 'WhatsApp Business Cloud API webhooks with signature verification.',
    library: 'Graph API (fetch)',
    runsAsService: true,
  },
  {
    id: 'slack',
    label: 'Slack',
    description: 'A Bolt app in Socket Mode: no public URL needed.',
    library: '@slack/bolt',
    runsAsService: true,
  },
  {
    id: 'twitter',
    label: 'Twitter / X',
    description: 'Answers mentions by polling the X API.',
    library: 'twitter-api-v2',
    runsAsService: true,
  },
  {
    id: 'webchat',
    label: 'Web chat',
    description: 'An embeddable chat widget and its HTTP API.',
    library: 'Hono',
    runsAsService: true,
  },
  {
    id: 'cli',
    label: 'Terminal (CLI)',
    description: 'Talk to the bot in a terminal; handy for local testing.',
    library: 'node:readline',
    runsAsService: false,
  },
];

/** Looks a platform up by id; every id in `PLATFORM_IDS` is present. */
export function platformInfo(id: PlatformId): PlatformInfo {
  const info = PLATFORMS.find((platform) => platform.id === id);
  if (!info) throw new Error(`Unknown platform: ${id}`);
  return info;
}

/** Whether any of the chosen platforms runs as a service, so the project has something to deploy. */
export function runsAsService(platforms: readonly PlatformId[]): boolean {
  return platforms.some((platform) => platformInfo(platform).runsAsService);
}

/**
 * Why this config cannot have a deploy target or a deploying workflow, or `null` when it can:
 * a project whose platforms are all terminal chats has no service for a host to run.
 */
export function deployUnavailableReason(config: {
  platforms: readonly PlatformId[];
}): string | null {
  if (config.platforms.length === 0 || runsAsService(config.platforms)) return null;
  return 'A terminal (CLI) bot runs only while its chat is open, so there is nothing to deploy; add a platform that runs as a service, or choose no deploy target.';
}
