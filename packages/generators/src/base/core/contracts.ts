import type { GeneratedFile } from '../../types';

const TYPES = `/** Who the bot is: shown by /start and /help. */
export interface BotInfo {
  name: string;
  description: string;
}

/** A message from any platform, reduced to what the core needs. */
export interface IncomingMessage {
  /** Platform id, such as "discord". */
  platform: string;
  /** Identifies one conversation; sessions are keyed by it. */
  conversationId: string;
  userId: string;
  /** The user's display name, when the platform provides one. */
  userName?: string;
  /** The user's language as the platform reports it (a BCP 47 tag such as "es-ES"), if it does. */
  locale?: string;
  text: string;
  /**
   * Who sent it, for abuse limits (moderation), where the sender can change userId at will:
   * the web chat names its client address and its signed session, and each must pass.
   * Without it, "platform:userId".
   */
  senderKeys?: readonly string[];
  /**
   * Asked just before each AI model call for this message; false means the model is not called
   * and the bot says why. The web chat spends the client address's daily AI budget here.
   */
  takeModelCall?: () => boolean;
}

/** A button the user can press instead of typing: pressing it sends \`value\` as their message. */
export interface Choice {
  /** What the button shows: 1 to 40 characters. */
  label: string;
  /** The text sent as the user's message when chosen, such as "/lang es": 1 to 64 bytes (Telegram's limit). */
  value: string;
}

/** One message the bot sends back. Adapters split or format it for their platform. */
export interface Reply {
  text: string;
  /**
   * Buttons under the reply, at most 10: Discord components, Slack blocks, Telegram inline
   * keyboards, WhatsApp interactive messages, web chat buttons; numbered or listed elsewhere.
   */
  choices?: readonly Choice[];
  /** The reply shows the sender's own data: only they see it where the platform can (Discord). */
  private?: boolean;
}
`;

const NOTIFIER = `import type { Reply } from './types.js';

/**
 * Posts to a channel outside any conversation: scheduled messages and broadcasts. A platform
 * adapter that can do this returns one from its start(); src/index.ts registers it.
 */
export interface Notifier {
  /** Platform id, such as "discord". */
  platform: string;
  send(channelId: string, replies: readonly Reply[]): Promise<void>;
}

/** A channel on a platform, written "platform:channelId" in configuration. */
export interface Target {
  platform: string;
  channelId: string;
}

/** Parses a comma-separated list such as "discord:123,telegram:-100456"; throws on a bad entry. */
export function parseTargets(list: string | undefined): Target[] {
  const entries = (list ?? '').split(',').map((entry) => entry.trim()).filter((entry) => entry !== '');
  return entries.map((entry) => {
    const separator = entry.indexOf(':');
    const platform = entry.slice(0, separator);
    const channelId = entry.slice(separator + 1);
    if (separator <= 0 || channelId === '') {
      throw new Error('A target must look like "platform:channelId", got ' + JSON.stringify(entry));
    }
    return { platform, channelId };
  });
}

/** The notifiers of the running platforms, plus the channels /broadcast posts to. */
export class Notifiers {
  readonly #byPlatform = new Map<string, Notifier>();

  constructor(readonly broadcastTargets: readonly Target[] = []) {}

  add(notifier: Notifier): void {
    this.#byPlatform.set(notifier.platform, notifier);
  }

  /** Sends to one target; throws when no running platform can reach it. */
  async send(target: Target, replies: readonly Reply[]): Promise<void> {
    const notifier = this.#byPlatform.get(target.platform);
    if (!notifier) {
      throw new Error('No running platform can post to ' + target.platform + ':' + target.channelId);
    }
    await notifier.send(target.channelId, replies);
  }

  /** Sends to every target; returns the ones that failed, so one bad channel cannot stop the rest. */
  async sendAll(targets: readonly Target[], replies: readonly Reply[]): Promise<Target[]> {
    const results = await Promise.allSettled(targets.map((target) => this.send(target, replies)));
    return targets.filter((_, index) => results[index]?.status === 'rejected');
  }
}
`;

/** `src/core/types.ts` and `src/core/notifier.ts`: the contracts every adapter and feature shares. */
export function contractFiles(): GeneratedFile[] {
  return [
    { path: 'src/core/notifier.ts', content: NOTIFIER },
    { path: 'src/core/types.ts', content: TYPES },
  ];
}
