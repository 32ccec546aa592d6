/** `src/platforms/discord.ts` of the generated project: the discord.js 14 gateway adapter. */
export const DISCORD_ADAPTER = `import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  Client,
  Events,
  GatewayIntentBits,
  MessageFlags,
  Partials,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { Bot, Command, IncomingMessage, Notifier, Reply } from '../core/index.js';
import type { Service } from '../runtime.js';

/** Discord rejects messages longer than this many characters. */
export const DISCORD_MESSAGE_LIMIT = 2000;

// Replies never ping anyone: echoing "@everyone" back must not notify a whole server.
const NO_MENTIONS = { parse: [] };

/** The parts of a slash command interaction the adapter reads. */
export interface SlashCommandLike {
  commandName: string;
  channelId: string;
  /** The user's client language, such as "es-ES". */
  locale?: string;
  user: { id: string; username: string; globalName?: string | null };
  /** The command's free-text argument, when it has one. */
  options?: { data: readonly { name: string; value?: unknown }[] };
}

/** The parts of a message the adapter reads. */
export interface MessageLike {
  content: string;
  channelId: string;
  /** null in direct messages. */
  guildId: string | null;
  author: { id: string; username: string; globalName?: string | null; bot: boolean };
  mentions: { users: { has(userId: string): boolean } };
}

// One conversation per user and channel, so two people in a channel do not share memory.
function conversationId(channelId: string, userId: string): string {
  return 'discord:' + channelId + ':' + userId;
}

/** Maps a slash command to the core's message: /lang with option "es" becomes the text "/lang es". */
export function interactionToIncoming(interaction: SlashCommandLike): IncomingMessage {
  const { user } = interaction;
  const argument = interaction.options?.data.find((option) => typeof option.value === 'string');
  return {
    platform: 'discord',
    conversationId: conversationId(interaction.channelId, user.id),
    userId: user.id,
    userName: user.globalName ?? user.username,
    ...(interaction.locale ? { locale: interaction.locale } : {}),
    text: '/' + interaction.commandName + (argument ? ' ' + String(argument.value) : ''),
  };
}

/** Removes mentions of the bot (<@id> and the legacy <@!id>) from a message. */
export function stripBotMention(content: string, botUserId: string): string {
  return content
    .split('<@' + botUserId + '>')
    .join(' ')
    .split('<@!' + botUserId + '>')
    .join(' ')
    .trim();
}

/**
 * Maps a message to the core's message, or null when it is not for the bot: messages from
 * bots (including itself) and server messages that do not mention it. A bare mention asks
 * for /help.
 */
export function messageToIncoming(message: MessageLike, botUserId: string): IncomingMessage | null {
  if (message.author.bot) return null;
  const isDirect = message.guildId === null;
  if (!isDirect && !message.mentions.users.has(botUserId)) return null;
  const text = stripBotMention(message.content, botUserId);
  return {
    platform: 'discord',
    conversationId: conversationId(message.channelId, message.author.id),
    userId: message.author.id,
    userName: message.author.globalName ?? message.author.username,
    text: text === '' ? '/help' : text,
  };
}

/** Splits replies into Discord messages of at most \`limit\` characters, at line or word breaks when possible. */
export function toDiscordMessages(replies: readonly Reply[], limit = DISCORD_MESSAGE_LIMIT): string[] {
  const messages: string[] = [];
  for (const { text } of replies) {
    let rest = text.trim();
    while (rest.length > limit) {
      const window = rest.slice(0, limit);
      const breakAt = Math.max(window.lastIndexOf('\\n'), window.lastIndexOf(' '));
      const cut = breakAt > 0 ? breakAt : limit;
      messages.push(rest.slice(0, cut).trimEnd());
      rest = rest.slice(cut).trimStart();
    }
    if (rest !== '') messages.push(rest);
  }
  return messages;
}

/** The slash commands scripts/deploy-commands.ts registers: one per core command. */
export function slashCommandPayloads(
  commands: readonly Command[],
): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return commands.map((command) => ({
    type: ApplicationCommandType.ChatInput,
    name: command.name,
    description: command.description,
    // "0": hidden from members without Administrator until a server admin grants it; the bot
    // still checks ADMIN_USER_IDS when the command runs.
    ...(command.adminOnly ? { default_member_permissions: '0' } : {}),
    ...(command.argument
      ? {
          options: [
            {
              type: ApplicationCommandOptionType.String,
              name: command.argument.name,
              description: command.argument.description,
              required: command.argument.required,
            },
          ],
        }
      : {}),
  }));
}

/** Posts to a channel by id: how scheduled messages and broadcasts reach Discord. */
export function discordNotifier(client: Client): Notifier {
  return {
    platform: 'discord',
    async send(channelId, replies) {
      const channel = await client.channels.fetch(channelId);
      if (!channel?.isSendable()) throw new Error('Discord channel ' + channelId + ' cannot receive messages');
      for (const content of toDiscordMessages(replies)) {
        await channel.send({ content, allowedMentions: NO_MENTIONS });
      }
    },
  };
}

/**
 * A gateway client with only non-privileged intents: Discord delivers the content of direct
 * messages and of messages that mention the bot without the Message Content intent.
 */
export function createDiscordClient(): Client {
  return new Client({
    intents: [
      GatewayIntentBits.Guilds,
      GatewayIntentBits.GuildMessages,
      GatewayIntentBits.DirectMessages,
    ],
    // Direct message channels are not cached, so the client must accept partial ones.
    partials: [Partials.Channel],
  });
}

/** The Discord adapter: logs in with DISCORD_TOKEN and routes commands and mentions to the bot. */
export const discordAdapter: Service = {
  name: 'Discord',
  kind: 'platform',
  requiredEnv: ['DISCORD_TOKEN'],
  async start(bot: Bot, env) {
    const client = createDiscordClient();

    client.on(Events.InteractionCreate, async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      try {
        // Discord allows 3 seconds for the first response; slow commands should deferReply() first.
        const [first, ...rest] = toDiscordMessages(
          await bot.handleMessage(interactionToIncoming(interaction)),
        );
        await interaction.reply({ content: first ?? 'Done.', allowedMentions: NO_MENTIONS });
        for (const content of rest) {
          await interaction.followUp({ content, allowedMentions: NO_MENTIONS });
        }
      } catch (error) {
        console.error('Discord: /' + interaction.commandName + ' failed', error);
        const answer = { content: 'Sorry, something went wrong.', flags: MessageFlags.Ephemeral } as const;
        const send = interaction.replied || interaction.deferred ? interaction.followUp(answer) : interaction.reply(answer);
        await send.catch(() => undefined);
      }
    });

    client.on(Events.MessageCreate, async (message) => {
      const botUserId = client.user?.id;
      if (!botUserId) return;
      const incoming = messageToIncoming(message, botUserId);
      if (!incoming) return;
      try {
        for (const content of toDiscordMessages(await bot.handleMessage(incoming))) {
          await message.reply({ content, allowedMentions: NO_MENTIONS });
        }
      } catch (error) {
        console.error('Discord: failed to answer a message', error);
      }
    });

    client.once(Events.ClientReady, (ready) => {
      console.log('Discord: logged in as ' + ready.user.tag);
    });

    await client.login(env.DISCORD_TOKEN);
    return { stop: () => client.destroy(), notifier: discordNotifier(client) };
  },
};
`;
