/** `src/platforms/telegram.ts` of the generated project: the grammY adapter. */
export const TELEGRAM_ADAPTER = `import { type Context, Bot as TelegramBot, webhookCallback } from 'grammy';
import type { InlineKeyboardMarkup, UserFromGetMe } from 'grammy/types';
import { Hono } from 'hono';
import type { Bot, Command, IncomingMessage, Notifier, Reply } from '../core/index.js';
import { mountRoutes } from '../http/server.js';
import type { Service } from '../runtime.js';
import { splitText } from './split-text.js';

/** Telegram rejects messages longer than this many characters. */
export const TELEGRAM_MESSAGE_LIMIT = 4096;
/** Where the webhook is served; TELEGRAM_WEBHOOK_URL must be the public URL of this path. */
export const TELEGRAM_WEBHOOK_PATH = '/webhooks/telegram';

/** The updates the bot asks Telegram for: messages, and presses of choice buttons. */
export const TELEGRAM_UPDATES = ['message', 'callback_query'] as const;

// Telegram's own rules: command names and the secret_token of setWebhook.
const COMMAND_NAME = /^[a-z0-9_]{1,32}$/;
const SECRET_TOKEN = /^[A-Za-z0-9_-]{1,256}$/;

/** The parts of a Telegram message the adapter reads. */
export interface TelegramMessageLike {
  text?: string;
  chat: { id: number };
  from?: { id: number; is_bot: boolean; first_name: string; language_code?: string };
}

/**
 * Maps a text message to the core's message, or null when it is not for the bot (no text, or
 * from a bot). In groups people write "@my_bot hi"; the mention is dropped, and a bare mention
 * asks for /help.
 */
export function messageToIncoming(message: TelegramMessageLike, botUsername: string): IncomingMessage | null {
  const { from, text } = message;
  if (!from || from.is_bot || text === undefined) return null;
  const stripped = text.split('@' + botUsername).join(' ').trim();
  return incomingFrom(message.chat.id, from, stripped === '' ? '/help' : stripped);
}

// One conversation per chat and user; the user's app language is the locale.
function incomingFrom(chatId: number, from: NonNullable<TelegramMessageLike['from']>, text: string): IncomingMessage {
  return {
    platform: 'telegram',
    conversationId: 'telegram:' + chatId + ':' + from.id,
    userId: String(from.id),
    userName: from.first_name,
    ...(from.language_code ? { locale: from.language_code } : {}),
    text,
  };
}

/** Maps a pressed choice button (its callback data is the text to send) to the core's message. */
export function callbackToIncoming(query: {
  data: string;
  from: NonNullable<TelegramMessageLike['from']>;
  message?: { chat: { id: number } };
}): IncomingMessage | null {
  // Buttons on messages older than 48 hours come without the message; nothing to answer in.
  return query.message ? incomingFrom(query.message.chat.id, query.from, query.data) : null;
}

/** One Telegram message: text and, under the last part of a reply with choices, an inline keyboard. */
export interface TelegramPayload {
  text: string;
  replyMarkup?: InlineKeyboardMarkup;
}

/** Splits replies into Telegram messages within the length limit; choices become one button per row. */
export function toTelegramPayloads(replies: readonly Reply[]): TelegramPayload[] {
  return replies.flatMap((reply) => {
    const parts: TelegramPayload[] = splitText(reply.text, TELEGRAM_MESSAGE_LIMIT).map((text) => ({ text }));
    const last = parts.at(-1);
    if (last && reply.choices) {
      last.replyMarkup = { inline_keyboard: reply.choices.map((choice) => [{ text: choice.label, callback_data: choice.value }]) };
    }
    return parts;
  });
}

/** Splits replies into Telegram messages within the length limit. */
export function toTelegramMessages(replies: readonly Reply[]): string[] {
  return toTelegramPayloads(replies).map((payload) => payload.text);
}

/**
 * The command menu setMyCommands registers for everyone, so admin-only commands stay out of it
 * (the core still refuses them to others); throws on a name Telegram would refuse.
 */
export function telegramCommands(commands: readonly Command[]): { command: string; description: string }[] {
  return commands.filter((command) => !command.adminOnly).map(({ name, description }) => {
    if (!COMMAND_NAME.test(name)) throw new Error('Telegram cannot register the command ' + JSON.stringify(name));
    return { command: name, description };
  });
}

/** Posts scheduled messages and broadcasts to a chat id (a group is negative, like -100123). */
export function telegramNotifier(telegram: TelegramBot): Notifier {
  return {
    platform: 'telegram',
    async send(channelId, replies) {
      for (const { text, replyMarkup } of toTelegramPayloads(replies)) {
        await telegram.api.sendMessage(channelId, text, replyMarkup ? { reply_markup: replyMarkup } : {});
      }
    },
  };
}

/** Long polling, or a webhook when TELEGRAM_WEBHOOK_URL is set. */
export type TelegramMode = { kind: 'polling' } | { kind: 'webhook'; url: string; secretToken: string };

/** Reads the mode from the environment, rejecting a webhook setup Telegram or we would refuse. */
export function readTelegramMode(env: NodeJS.ProcessEnv): TelegramMode {
  const url = env.TELEGRAM_WEBHOOK_URL?.trim();
  if (!url) return { kind: 'polling' };
  const parsed = URL.canParse(url) ? new URL(url) : null;
  if (parsed?.protocol !== 'https:' || !parsed.pathname.endsWith(TELEGRAM_WEBHOOK_PATH)) {
    throw new Error('TELEGRAM_WEBHOOK_URL must be an https:// URL ending in ' + TELEGRAM_WEBHOOK_PATH);
  }
  const secretToken = env.TELEGRAM_WEBHOOK_SECRET ?? '';
  if (!SECRET_TOKEN.test(secretToken)) {
    throw new Error('TELEGRAM_WEBHOOK_SECRET must be 1-256 letters, digits, _ or - when TELEGRAM_WEBHOOK_URL is set');
  }
  return { kind: 'webhook', url, secretToken };
}

/** A grammY bot that routes text messages to the core. Pass botInfo to skip getMe (tests). */
export function createTelegramBot(bot: Bot, token: string, botInfo?: UserFromGetMe): TelegramBot {
  const telegram = new TelegramBot(token, botInfo ? { botInfo } : {});
  async function answer(ctx: Context, incoming: IncomingMessage | null): Promise<void> {
    if (!incoming) return;
    for (const { text, replyMarkup } of toTelegramPayloads(await bot.handleMessage(incoming))) {
      await ctx.reply(text, replyMarkup ? { reply_markup: replyMarkup } : {});
    }
  }
  telegram.on('message:text', (ctx) => answer(ctx, messageToIncoming(ctx.message, ctx.me.username)));
  telegram.on('callback_query:data', async (ctx) => {
    // Answered at once, so the button stops showing its spinner while the bot works.
    await ctx.answerCallbackQuery();
    await answer(ctx, callbackToIncoming(ctx.callbackQuery));
  });
  // Without a handler, an error would stop long polling; with webhooks Telegram would retry.
  telegram.catch((error) => {
    console.error('Telegram: failed to handle update ' + error.ctx.update.update_id, error.error);
  });
  return telegram;
}

/**
 * The webhook route. grammY compares X-Telegram-Bot-Api-Secret-Token with the secret in
 * constant time and answers 401 when it differs, before reading the update.
 */
export function createTelegramWebhookRoutes(telegram: TelegramBot, secretToken: string): Hono {
  // A slow answer (say, an AI reply) answers Telegram after 10 s and carries on, instead of
  // failing the request: Telegram would redeliver the update and the user get two answers.
  return new Hono().post('/', webhookCallback(telegram, 'hono', { secretToken, onTimeout: 'return' }));
}

/** The Telegram adapter: long polling by default, a verified webhook when TELEGRAM_WEBHOOK_URL is set. */
export const telegramAdapter: Service = {
  name: 'Telegram',
  kind: 'platform',
  requiredEnv: ['TELEGRAM_BOT_TOKEN'],
  async start(bot, env) {
    const mode = readTelegramMode(env);
    const telegram = createTelegramBot(bot, env.TELEGRAM_BOT_TOKEN ?? '');
    await telegram.init();
    const menu = telegramCommands(bot.commands);
    // An empty menu clears one left by an earlier version of the bot.
    await (menu.length > 0 ? telegram.api.setMyCommands(menu) : telegram.api.deleteMyCommands());
    const notifier = telegramNotifier(telegram);
    if (mode.kind === 'webhook') {
      mountRoutes(TELEGRAM_WEBHOOK_PATH, createTelegramWebhookRoutes(telegram, mode.secretToken));
      await telegram.api.setWebhook(mode.url, { secret_token: mode.secretToken, allowed_updates: [...TELEGRAM_UPDATES] });
      console.log('Telegram: @' + telegram.botInfo.username + ' receives updates at ' + mode.url);
      // The webhook stays registered across restarts; Telegram queues updates meanwhile.
      return { stop: async () => undefined, notifier };
    }
    // start() removes a webhook left from production, then polls until stop().
    void telegram
      .start({
        allowed_updates: [...TELEGRAM_UPDATES],
        onStart: (me) => console.log('Telegram: @' + me.username + ' is polling for updates'),
      })
      .catch((error: unknown) => console.error('Telegram: long polling stopped', error));
    return { stop: () => telegram.stop(), notifier };
  },
};
`;
