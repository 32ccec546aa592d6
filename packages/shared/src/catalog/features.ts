import type { PlatformId } from './platforms';

/** Every feature in the step 3 catalog. */
export const FEATURE_IDS = [
  'commands',
  'sessions',
  'ai',
  'moderation',
  'i18n',
  'scheduled',
  'analytics',
  'admin',
  'health',
  'persistence',
] as const;

export type FeatureId = (typeof FEATURE_IDS)[number];

export interface FeatureInfo {
  id: FeatureId;
  label: string;
  description: string;
  /** Features this one needs; the schema rejects a config that lacks them. */
  requires: readonly FeatureId[];
  /** Platforms that cannot support the feature, each with the reason shown in the wizard. */
  unsupported: Partial<Record<PlatformId, string>>;
}

/**
 * The feature catalog shown in wizard step 3.
 *
 * A feature is offered when at least one chosen platform supports it; it then applies to
 * the platforms that do.
 */
export const FEATURES: readonly FeatureInfo[] = [
  {
    id: 'commands',
    label: 'Commands',
    description: 'Slash or text commands: /start, /help, /reset and your own.',
    requires: [],
    unsupported: {},
  },
  {
    id: 'sessions',
    label: 'Conversation memory',
    description: 'Remembers each conversation in the chosen session store, with a TTL.',
    requires: [],
    unsupported: {},
  },
  {
    id: 'ai',
    label: 'AI replies',
    description: 'Answers free text with OpenAI or Anthropic models.',
    requires: [],
    unsupported: {},
  },
  {
    id: 'moderation',
    label: 'Moderation',
    description: 'Word filter and a per-user rate limit against spam.',
    requires: [],
    unsupported: { cli: 'A terminal session has a single user, so there is nobody to moderate.' },
  },
  {
    id: 'i18n',
    label: 'Translations (i18n)',
    description: "Replies in the user's language from message catalogs.",
    requires: [],
    unsupported: {},
  },
  {
    id: 'scheduled',
    label: 'Scheduled messages',
    description: 'Posts messages on a schedule, such as a daily digest.',
    requires: [],
    unsupported: {
      whatsapp:
        'WhatsApp only allows pre-approved template messages outside the 24-hour customer window.',
      webchat: 'A web page cannot receive messages after the visitor has closed it.',
      cli: 'A terminal bot only runs while its session is open.',
    },
  },
  {
    id: 'analytics',
    label: 'Analytics and structured logs',
    description: 'JSON logs and counters for messages, commands and errors.',
    requires: [],
    unsupported: {},
  },
  {
    id: 'admin',
    label: 'Admin commands',
    description: 'Commands only listed admins may run, such as /stats and /broadcast.',
    requires: ['commands'],
    unsupported: {
      webchat: 'Web chat visitors are anonymous, so there is no verified admin identity.',
      cli: 'The person at the terminal already controls the bot.',
    },
  },
  {
    id: 'health',
    label: 'Health endpoint',
    description: 'GET /health for load balancers and uptime checks.',
    requires: [],
    unsupported: { cli: 'A terminal bot runs no HTTP server.' },
  },
  {
    id: 'persistence',
    label: 'Persistence',
    description: 'Keeps user preferences between restarts in the session store.',
    requires: ['sessions'],
    unsupported: {},
  },
];

/** Looks a feature up by id; every id in `FEATURE_IDS` is present. */
export function featureInfo(id: FeatureId): FeatureInfo {
  const info = FEATURES.find((feature) => feature.id === id);
  if (!info) throw new Error(`Unknown feature: ${id}`);
  return info;
}

/**
 * Why a feature cannot be chosen for these platforms, or `null` when at least one of them
 * supports it.
 */
export function featureUnavailableReason(
  id: FeatureId,
  platforms: readonly PlatformId[],
): string | null {
  const { unsupported } = featureInfo(id);
  if (platforms.length === 0) return null;
  const reasons = platforms.map((platform) => unsupported[platform]);
  if (reasons.some((reason) => reason === undefined)) return null;
  return reasons.join(' ');
}

/** The chosen platforms a feature applies to. */
export function platformsSupporting(id: FeatureId, platforms: readonly PlatformId[]): PlatformId[] {
  const { unsupported } = featureInfo(id);
  return platforms.filter((platform) => unsupported[platform] === undefined);
}

/** The features a config gets when it names none, before platforms narrow them. */
const DEFAULT_FEATURES: readonly FeatureId[] = ['commands', 'sessions', 'health'];

/**
 * The default features for these platforms: the usual set without what none of them can
 * run (a CLI-only bot serves no HTTP, so no `health`). The schema and the wizard both use it,
 * so every single-platform config without features is valid.
 *
 * @example defaultFeaturesFor(['cli']) // ['commands', 'sessions']
 */
export function defaultFeaturesFor(platforms: readonly PlatformId[]): FeatureId[] {
  return DEFAULT_FEATURES.filter((id) => featureUnavailableReason(id, platforms) === null);
}
