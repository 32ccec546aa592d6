/** `src/platforms/discord.ts` of the generated project: the discord.js 14 gateway adapter. */
export const DISCORD_ADAPTER = `import {
  ActionRowBuilder,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ButtonBuilder,
  ButtonStyle,
  Client,
  Events,
  GatewayIntentBits,
  MessageFlags,
  Partials,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { type Bot, type Command, type IncomingMessage, type Notifier, parseCommand, type Reply } from '../core/index.js';
import { log } from '../log.js';
import type { Service } from '../runtime.js';

/** Discord rejects messages longer than this many characters. */
export const DISCORD_MESSAGE_LIMIT = 2000;
/** Discord allows 3 s for the first response; a command still running after this defers. */
export const DEFER_AFTER_MS = 2000;
/** Prefix of the custom id of a choice button; the rest is the text the button sends. */
export const CHOICE_ID_PREFIX = 'choice:';
// Discord's limit: five buttons in a row.
const BUTTONS_PER_ROW = 5;

// Replies never ping anyone: echoing "@everyone" back must not notify a whole server.
const NO_MENTIONS = { parse: [] };

/** Where an interaction came from: who, in which channel, in which client language. */
export interface InteractionSource {
  channelId: string;
  /** The user's client language, such as "es-ES". */
  locale?: string;
  user: { id: string; username: string; globalName?: string | null };
}

/** The parts of a slash command interaction the adapter reads. */
export interface SlashCommandLike extends InteractionSource {
  commandName: string;
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

function incomingFrom(source: InteractionSource, text: string): IncomingMessage {
  const { user } = source;
  return {
    platform: 'discord',
    conversationId: conversationId(source.channelId, user.id),
    userId: user.id,
    userName: user.globalName ?? user.username,
    ...(source.locale ? { locale: source.locale } : {}),
    text,
  };
}

/** Maps a slash command to the core's message: /lang with option "es" becomes the text "/lang es". */
export function interactionToIncoming(interaction: SlashCommandLike): IncomingMessage {
  const argument = interaction.options?.data.find((option) => typeof option.value === 'string');
  return incomingFrom(interaction, '/' + interaction.commandName + (argument ? ' ' + String(argument.value) : ''));
}

/** Maps a pressed choice button to the text it sends, or null when the button is not a choice. */
export function buttonToIncoming(button: InteractionSource & { customId: string }): IncomingMessage | null {
  const value = choiceValue(button.customId);
  return value === null ? null : incomingFrom(button, value);
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

/** One Discord message: text and, under the last part of a reply with choices, its buttons. */
export interface DiscordPayload {
  content: string;
  components?: ActionRowBuilder<ButtonBuilder>[];
}

/** A reply's choices as rows of buttons whose custom id carries the text to send. */
export function choiceRows(reply: Reply): ActionRowBuilder<ButtonBuilder>[] {
  const choices = reply.choices ?? [];
  const rows: ActionRowBuilder<ButtonBuilder>[] = [];
  for (let start = 0; start < choices.length; start += BUTTONS_PER_ROW) {
    const buttons = choices.slice(start, start + BUTTONS_PER_ROW).map((choice) =>
      new ButtonBuilder()
        .setCustomId(CHOICE_ID_PREFIX + choice.value)
        .setLabel(choice.label)
        .setStyle(ButtonStyle.Secondary),
    );
    rows.push(new ActionRowBuilder<ButtonBuilder>().addComponents(buttons));
  }
  return rows;
}

/** Replies as Discord messages within the length limit, each reply's buttons on its last part. */
export function toDiscordPayloads(replies: readonly Reply[]): DiscordPayload[] {
  return replies.flatMap((reply) => {
    const parts: DiscordPayload[] = toDiscordMessages([reply]).map((content) => ({ content }));
    const rows = choiceRows(reply);
    const last = parts.at(-1);
    if (last && rows.length > 0) last.components = rows;
    return parts;
  });
}

/** The text a pressed choice button sends, or null for a button that is not a choice. */
export function choiceValue(customId: string): string | null {
  return customId.startsWith(CHOICE_ID_PREFIX) ? customId.slice(CHOICE_ID_PREFIX.length) : null;
}

/** Whether a text runs a command whose replies show the sender's own data. */
export function isPrivateText(text: string, commands: readonly Command[]): boolean {
  const parsed = parseCommand(text);
  return parsed !== null && commands.some((command) => command.name === parsed.name && command.private === true);
}

/** The parts of a command or button interaction used to answer it. */
export interface AnswerableInteraction {
  readonly deferred: boolean;
  readonly replied: boolean;
  deferReply(options: { flags?: MessageFlags.Ephemeral }): Promise<unknown>;
  reply(options: DiscordPayload & { allowedMentions: typeof NO_MENTIONS; flags?: MessageFlags.Ephemeral }): Promise<unknown>;
  editReply(options: DiscordPayload & { allowedMentions: typeof NO_MENTIONS }): Promise<unknown>;
  followUp(options: DiscordPayload & { allowedMentions: typeof NO_MENTIONS; flags?: MessageFlags.Ephemeral }): Promise<unknown>;
}

/**
 * Answers an interaction with the bot's replies: the first message as the response, the rest
 * as follow-ups. When the bot takes longer than deferAfterMs (an AI answer), it defers first,
 * so Discord's 3-second limit never shows "The application did not respond". Private replies
 * (a private command, or replies marked so) are ephemeral: only the sender sees them.
 */
export async function answerInteraction(
  interaction: AnswerableInteraction,
  pending: Promise<readonly Reply[]>,
  options: { private: boolean; deferAfterMs?: number },
): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const slow = new Promise<'slow'>((resolve) => {
    timer = setTimeout(() => resolve('slow'), options.deferAfterMs ?? DEFER_AFTER_MS);
  });
  const first = await Promise.race([pending, slow]);
  clearTimeout(timer);
  if (first === 'slow') {
    await interaction.deferReply(options.private ? { flags: MessageFlags.Ephemeral } : {});
  }
  const replies = await pending;
  const ephemeral = interaction.deferred ? options.private : options.private || replies.some((reply) => reply.private);
  const flags = ephemeral ? { flags: MessageFlags.Ephemeral } as const : {};
  const [head = { content: 'Done.' }, ...rest] = toDiscordPayloads(replies);
  if (interaction.deferred) await interaction.editReply({ ...head, allowedMentions: NO_MENTIONS });
  else await interaction.reply({ ...head, allowedMentions: NO_MENTIONS, ...flags });
  for (const payload of rest) await interaction.followUp({ ...payload, allowedMentions: NO_MENTIONS, ...flags });
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
      if (!interaction.isChatInputCommand() && !interaction.isButton()) return;
      const incoming = interaction.isButton() ? buttonToIncoming(interaction) : interactionToIncoming(interaction);
      if (!incoming) return;
      const name = interaction.isButton() ? 'a choice' : '/' + interaction.commandName;
      try {
        await answerInteraction(interaction, bot.handleMessage(incoming), {
          private: isPrivateText(incoming.text, bot.commands),
        });
      } catch (error) {
        log.error({ err: error }, 'Discord: ' + name + ' failed');
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
        for (const payload of toDiscordPayloads(await bot.handleMessage(incoming))) {
          await message.reply({ ...payload, allowedMentions: NO_MENTIONS });
        }
      } catch (error) {
        log.error({ err: error }, 'Discord: failed to answer a message');
      }
    });

    client.once(Events.ClientReady, (ready) => {
      log.info('Discord: logged in as ' + ready.user.tag);
    });

    await client.login(env.DISCORD_TOKEN);
    return { stop: () => client.destroy(), notifier: discordNotifier(client) };
  },
};
`;
