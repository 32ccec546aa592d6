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
  text: string;
}

/** One message the bot sends back. Adapters split or format it for their platform. */
export interface Reply {
  text: string;
}
`;

const COMMANDS = `import type { Session, SessionStore } from '../sessions/index.js';
import type { BotInfo, IncomingMessage, Reply } from './types.js';

/** What a command sees when it runs. */
export interface CommandContext {
  message: IncomingMessage;
  /** The text after the command name, trimmed. */
  args: string;
  /** The conversation's session, already counting this message. */
  session: Session;
  sessions: SessionStore;
  /** Every registered command, for /help. */
  commands: readonly Command[];
  bot: BotInfo;
}

/** A command such as /help, the same on every platform. */
export interface Command {
  /** 1 to 32 lowercase letters, digits or underscores: valid on Discord and Telegram alike. */
  name: string;
  /** Shown by /help and in the platform's command menu; 1 to 100 characters. */
  description: string;
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

const BUILT_IN_COMMANDS = `import type { Command } from './commands.js';

/** /start: greets the user and says what the bot is for. */
export const startCommand: Command = {
  name: 'start',
  description: 'Say hello and explain what this bot does',
  run: ({ bot, message }) => [
    { text: 'Hi' + (message.userName ? ' ' + message.userName : '') + ', I am ' + bot.name + '.' },
    { text: bot.description },
    { text: 'Send /help to see what I can do.' },
  ],
};

/** /help: lists every command. */
export const helpCommand: Command = {
  name: 'help',
  description: 'List the commands this bot understands',
  run: ({ commands }) => [
    {
      text: ['Commands:', ...commands.map((c) => '/' + c.name + ' - ' + c.description)].join('\\n'),
    },
  ],
};

/** /reset: forgets this conversation's session. */
export const resetCommand: Command = {
  name: 'reset',
  description: 'Forget this conversation and start over',
  run: async ({ message, sessions }) => {
    await sessions.delete(message.conversationId);
    return [{ text: 'Done: I have forgotten our conversation.' }];
  },
};

/** The commands every generated bot starts with; add your own here. */
export const builtInCommands: readonly Command[] = [startCommand, helpCommand, resetCommand];
`;

const BOT = `import type { SessionStore } from '../sessions/index.js';
import { builtInCommands } from './built-in-commands.js';
import { type Command, CommandRegistry, parseCommand } from './commands.js';
import type { BotInfo, IncomingMessage, Reply } from './types.js';

export interface BotOptions {
  info: BotInfo;
  sessions: SessionStore;
  /** Defaults to the built-in commands. */
  commands?: readonly Command[];
}

/** The platform-independent bot: every adapter turns its events into handleMessage calls. */
export interface Bot {
  readonly info: BotInfo;
  readonly commands: readonly Command[];
  handleMessage(message: IncomingMessage): Promise<Reply[]>;
}

/**
 * Creates the bot. It keeps one session per conversation, runs commands and answers free
 * text; it knows nothing about any chat platform.
 */
export function createBot({ info, sessions, commands = builtInCommands }: BotOptions): Bot {
  const registry = new CommandRegistry(commands);
  const list = registry.list();

  async function handleMessage(message: IncomingMessage): Promise<Reply[]> {
    const text = message.text.trim();
    if (text === '') return [];
    const previous = await sessions.get(message.conversationId);
    const session = {
      messageCount: (previous?.messageCount ?? 0) + 1,
      startedAt: previous?.startedAt ?? Date.now(),
      ...(previous?.lastMessage === undefined ? {} : { lastMessage: previous.lastMessage }),
    };

    const parsed = parseCommand(text);
    if (parsed) {
      const command = registry.get(parsed.name);
      if (!command) {
        return [{ text: 'I do not know /' + parsed.name + '. Send /help to see what I can do.' }];
      }
      // Saved before running, so a command that deletes the session (/reset) has the last word.
      await sessions.set(message.conversationId, session);
      return command.run({ message, args: parsed.args, session, sessions, commands: list, bot: info });
    }

    await sessions.set(message.conversationId, { ...session, lastMessage: text });
    const replies: Reply[] = [{ text: 'You said: ' + text }];
    if (previous?.lastMessage !== undefined) {
      replies.push({ text: 'Before that you said: ' + previous.lastMessage });
    }
    return replies;
  }

  return { info, commands: list, handleMessage };
}
`;

const CORE_INDEX = `export { type Bot, type BotOptions, createBot } from './bot.js';
export {
  builtInCommands,
  helpCommand,
  resetCommand,
  startCommand,
} from './built-in-commands.js';
export { type Command, type CommandContext, CommandRegistry, parseCommand } from './commands.js';
export type { BotInfo, IncomingMessage, Reply } from './types.js';
`;

/** `src/core/`: the platform-independent bot, its command registry and built-in commands. */
export function coreFiles(): GeneratedFile[] {
  return [
    { path: 'src/core/bot.ts', content: BOT },
    { path: 'src/core/built-in-commands.ts', content: BUILT_IN_COMMANDS },
    { path: 'src/core/commands.ts', content: COMMANDS },
    { path: 'src/core/index.ts', content: CORE_INDEX },
    { path: 'src/core/types.ts', content: TYPES },
  ];
}
