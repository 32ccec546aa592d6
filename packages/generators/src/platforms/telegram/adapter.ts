/** `src/platforms/telegram.ts` of the generated project: the grammY adapter. */
export const TELEGRAM_ADAPTER = `import { type RunnerHandle, run, sequentialize } from '@grammyjs/runner';
import { type Context, GrammyError, Bot as TelegramBot, webhookCallback } from 'grammy';
import type { InlineKeyboardMarkup, UserFromGetMe } from 'grammy/types';
import { Hono } from 'hono';
import type { Bot, Command, IncomingMessage, Notifier, Reply } from '../core/index.js';
import { mountRoutes } from '../http/server.js';
import { holdLease, type LeaseStore, leaseStore } from '../lease/index.js';
import { log } from '../log.js';
import { readStartTimeoutMs, reasonOf, type Running, type Service, type ServiceContext, seconds } from '../runtime.js';
import { splitText } from './split-text.js';

/** Telegram's Bot API, unless TELEGRAM_API_ROOT names another (a local Bot API server, or a test's fake). */
export const DEFAULT_TELEGRAM_API_ROOT = 'https://api.telegram.org';
/** Only one instance may long-poll: Telegram answers a second getUpdates with 409 Conflict. */
export const TELEGRAM_POLLING_LEASE = 'telegram-polling';

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

/** The API root from TELEGRAM_API_ROOT (default https://api.telegram.org), without a trailing slash. */
export function readTelegramApiRoot(env: NodeJS.ProcessEnv): string {
  const root = env.TELEGRAM_API_ROOT?.trim() || DEFAULT_TELEGRAM_API_ROOT;
  if (!URL.canParse(root) || !/^https?:$/.test(new URL(root).protocol)) {
    throw new Error('TELEGRAM_API_ROOT must be an http(s) URL such as ' + DEFAULT_TELEGRAM_API_ROOT + ', got ' + JSON.stringify(root));
  }
  return root.replace(/\\/+$/, '');
}

/**
 * A grammY bot that routes text messages to the core. Pass botInfo to skip getMe (tests).
 * Updates of one chat are handled in order (sequentialize), different chats at the same time.
 */
export function createTelegramBot(
  bot: Bot,
  token: string,
  botInfo?: UserFromGetMe,
  apiRoot: string = DEFAULT_TELEGRAM_API_ROOT,
): TelegramBot {
  const telegram = new TelegramBot(token, { client: { apiRoot }, ...(botInfo ? { botInfo } : {}) });
  // The runner handles updates concurrently; this keeps each chat's answers in message order.
  telegram.use(sequentialize((ctx) => ctx.chat?.id.toString()));
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
    log.error({ err: error.error, updateId: error.ctx.update.update_id }, 'Telegram: failed to handle an update');
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

/** grammY's Node build types signals with the abort-controller package's shim, not Node's own. */
type ApiSignal = NonNullable<Parameters<TelegramBot['api']['getMe']>[0]>;

/**
 * getMe within timeoutMs, retrying network failures meanwhile: an unreachable API fails the
 * start with a message naming the root instead of hanging, and a refused token fails at once.
 */
export async function initWithin(telegram: TelegramBot, apiRoot: string, timeoutMs: number): Promise<ApiSignal> {
  const signal = AbortSignal.timeout(timeoutMs);
  const apiSignal = signal as unknown as ApiSignal;
  let lastError: unknown;
  while (!signal.aborted) {
    try {
      telegram.botInfo = await telegram.api.getMe(apiSignal);
      return apiSignal;
    } catch (error) {
      if (error instanceof GrammyError && error.error_code < 500 && error.error_code !== 429) {
        throw new Error('Telegram: the Bot API refused TELEGRAM_BOT_TOKEN (' + error.description + ')');
      }
      if (!signal.aborted) lastError = error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw new Error('Telegram: could not reach ' + apiRoot + ' within ' + seconds(timeoutMs) + ' (' + (lastError ? reasonOf(lastError) : 'no answer') + ')');
}

/** Where the adapter gets its lease store and reports its state; tests pass their own. */
export interface TelegramStartOptions {
  leases?: LeaseStore;
  context?: ServiceContext;
  /** How long the lease lasts without renewal (default 30 s). */
  leaseTtlMs?: number;
}

/**
 * Starts Telegram: getMe and the command menu within PLATFORM_START_TIMEOUT_MS, then a
 * verified webhook, or long polling through grammY's runner while this instance holds the
 * polling lease (another instance polling leaves this one in standby).
 */
export async function startTelegram(bot: Bot, env: NodeJS.ProcessEnv, options: TelegramStartOptions = {}): Promise<Running> {
  const mode = readTelegramMode(env);
  const apiRoot = readTelegramApiRoot(env);
  const telegram = createTelegramBot(bot, env.TELEGRAM_BOT_TOKEN ?? '', undefined, apiRoot);
  const signal = await initWithin(telegram, apiRoot, readStartTimeoutMs(env));
  const menu = telegramCommands(bot.commands);
  // An empty menu clears one left by an earlier version of the bot.
  await (menu.length > 0 ? telegram.api.setMyCommands(menu, undefined, signal) : telegram.api.deleteMyCommands(undefined, signal));
  const notifier = telegramNotifier(telegram);
  const username = telegram.botInfo.username;
  if (mode.kind === 'webhook') {
    mountRoutes(TELEGRAM_WEBHOOK_PATH, createTelegramWebhookRoutes(telegram, mode.secretToken));
    await telegram.api.setWebhook(mode.url, { secret_token: mode.secretToken, allowed_updates: [...TELEGRAM_UPDATES] }, signal);
    log.info('Telegram: @' + username + ' receives updates at ' + mode.url);
    // The webhook stays registered across restarts; Telegram queues updates meanwhile.
    return { stop: async () => undefined, notifier };
  }
  // Polling would fight a webhook left from production; the runner does not remove it itself.
  await telegram.api.deleteWebhook(undefined, signal);
  const leases = options.leases ?? (await leaseStore(env));
  const report = options.context?.report ?? (() => undefined);
  let runner: RunnerHandle | undefined;
  const lease = holdLease(leases, TELEGRAM_POLLING_LEASE, {
    ...(options.leaseTtlMs ? { ttlMs: options.leaseTtlMs } : {}),
    onAcquired: () => {
      const current = run(telegram, { runner: { fetch: { allowed_updates: [...TELEGRAM_UPDATES] } } });
      runner = current;
      report({ state: 'running' });
      log.info('Telegram: @' + username + ' is polling for updates');
      // The runner gives up on 401 (token revoked) and 409 (another poller): the adapter failed.
      current.task()?.catch((error: unknown) => {
        if (runner !== current) return;
        runner = undefined;
        void lease.stop();
        report({ state: 'failed', reason: 'Telegram: long polling stopped (' + reasonOf(error) + ')' });
        log.error('Telegram: long polling stopped (' + reasonOf(error) + ')');
      });
    },
    onLost: () => {
      const current = runner;
      runner = undefined;
      void current?.stop();
      report({ state: 'standby', reason: 'another instance holds the ' + TELEGRAM_POLLING_LEASE + ' lease' });
      log.warn('Telegram: lost the polling lease; waiting in standby');
    },
  });
  if (!lease.held) report({ state: 'standby', reason: 'waiting for the ' + TELEGRAM_POLLING_LEASE + ' lease' });
  return {
    notifier,
    stop: async () => {
      const current = runner;
      runner = undefined;
      if (current?.isRunning()) await current.stop();
      await lease.stop();
    },
  };
}

/** The Telegram adapter: long polling by default, a verified webhook when TELEGRAM_WEBHOOK_URL is set. */
export const telegramAdapter: Service = {
  name: 'Telegram',
  kind: 'platform',
  requiredEnv: ['TELEGRAM_BOT_TOKEN'],
  start: (bot, env, context) => startTelegram(bot, env, context ? { context } : {}),
};
`;
