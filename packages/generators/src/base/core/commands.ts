import type { GeneratedFile } from '../../types';

const COMMANDS = `import type { MessageKey } from '../i18n/index.js';
import type { MessageContext } from './plugin.js';
import type { Reply } from './types.js';

/** What a command sees when it runs. */
export interface CommandContext extends MessageContext {
  /** The text after the command name, trimmed. */
  args: string;
  /** Every registered command, for /help. */
  commands: readonly Command[];
}

/** A command such as /help, the same on every platform. */
export interface Command {
  /** 1 to 32 lowercase letters, digits or underscores: valid on Discord and Telegram alike. */
  name: string;
  /** Shown in the platform's command menu; 1 to 100 characters. */
  description: string;
  /** The catalog text /help shows instead of \`description\`, in the user's language. */
  descriptionKey?: MessageKey;
  /** A free-text argument, such as the language of /lang; platforms with typed options show it. */
  argument?: { name: string; description: string; required: boolean };
  /** Only users the bot's isAdmin check accepts may run it; /help hides it from everyone else. */
  adminOnly?: boolean;
  /**
   * Its replies show the sender's own data (/me, /stats): they are marked private, so Discord
   * shows them only to the sender.
   */
  private?: boolean;
  run(context: CommandContext): Reply[] | Promise<Reply[]>;
}

const COMMAND_NAME = /^[a-z0-9_]{1,32}$/;

/** The commands a bot understands, looked up by name. */
export class CommandRegistry {
  readonly #commands = new Map<string, Command>();

  constructor(commands: readonly Command[] = []) {
    for (const command of commands) this.register(command);
  }

  /** Adds a command; throws on an invalid or duplicate name, which is a programming error. */
  register(command: Command): this {
    if (!COMMAND_NAME.test(command.name)) {
      throw new Error('Invalid command name ' + JSON.stringify(command.name));
    }
    if (command.argument && !COMMAND_NAME.test(command.argument.name)) {
      throw new Error('Invalid argument name of /' + command.name);
    }
    if (command.description.length < 1 || command.description.length > 100) {
      throw new Error('The description of /' + command.name + ' must be 1 to 100 characters');
    }
    if (this.#commands.has(command.name)) {
      throw new Error('The command /' + command.name + ' is registered twice');
    }
    this.#commands.set(command.name, command);
    return this;
  }

  get(name: string): Command | undefined {
    return this.#commands.get(name);
  }

  list(): Command[] {
    return [...this.#commands.values()];
  }

  get size(): number {
    return this.#commands.size;
  }
}

/**
 * Splits "/name args" into its parts, or returns null for free text. A "@botname" suffix
 * after the name (how Telegram addresses one bot in a group) is ignored.
 */
export function parseCommand(text: string): { name: string; args: string } | null {
  const match = /^\\/([A-Za-z0-9_]{1,32})(?:@\\S+)?(?:\\s+([\\s\\S]*))?$/.exec(text.trim());
  if (!match?.[1]) return null;
  return { name: match[1].toLowerCase(), args: (match[2] ?? '').trim() };
}
`;

const PLUGIN = `import type { Locale, Translate } from '../i18n/index.js';
import type { Session, SessionStore, UserPreferences } from '../sessions/session-store.js';
import type { Notifiers } from './notifier.js';
import type { BotInfo, IncomingMessage, Reply } from './types.js';

/** The sender's stored preferences (persistence feature) and where to save changes. */
export interface UserRecord {
  /** "platform:userId": preferences follow the user across conversations. */
  key: string;
  preferences: UserPreferences;
  store: SessionStore<UserPreferences>;
}

/** Everything the bot knows while handling one message. */
export interface MessageContext {
  message: IncomingMessage;
  bot: BotInfo;
  /** The language replies are written in. */
  locale: Locale;
  /** Translates a catalog text into \`locale\`. */
  t: Translate;
  /** This conversation, already counting this message; saved after the message is handled. */
  session: Session;
  sessions?: SessionStore;
  user?: UserRecord;
  notifiers: Notifiers;
  /** Whether the sender may run admin-only commands. */
  isAdmin: boolean;
  /** Reports a failure a plugin recovered from (an AI timeout), so analytics still counts it. */
  reportError(error: unknown): void;
}

/** What the bot reports to plugins that observe it (analytics). */
export type BotEvent =
  | { type: 'message'; kind: 'command' | 'text'; command?: string; platform: string; userId: string; durationMs: number }
  | { type: 'blocked'; reason: string; platform: string; userId: string }
  | { type: 'error'; error: unknown; platform: string; userId: string };

/** A message a plugin stopped, and what to answer instead (possibly nothing). */
export interface Blocked {
  reason: string;
  replies: Reply[];
}

/** A feature hooked into message handling. Every hook is optional. */
export interface BotPlugin {
  name: string;
  /** Runs before commands and free text, in plugin order; a result stops the message there. */
  before?(context: MessageContext): Blocked | undefined | Promise<Blocked | undefined>;
  /** Answers free text; the first plugin that answers wins, otherwise the bot echoes. */
  answer?(context: MessageContext): Promise<Reply[] | undefined>;
  /** Sees every handled, blocked or failed message. Must not throw. */
  observe?(event: BotEvent): void;
}
`;

/** `src/core/commands.ts` (registry, parser) and `src/core/plugin.ts` (hooks, context). */
export function commandAndPluginFiles(): GeneratedFile[] {
  return [
    { path: 'src/core/commands.ts', content: COMMANDS },
    { path: 'src/core/plugin.ts', content: PLUGIN },
  ];
}
