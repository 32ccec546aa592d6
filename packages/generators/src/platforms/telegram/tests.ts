/** `test/telegram.test.ts`: mapping, configuration and the verified webhook, with a fake Bot API. */
export const TELEGRAM_TEST = `import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { UserFromGetMe } from 'grammy/types';
import { afterEach, describe, expect, it } from 'vitest';
import { type Command, createBot } from '../src/core/index.js';
import { memoryLeaseStore } from '../src/lease/index.js';
import type { Running } from '../src/runtime.js';
import {
  createTelegramBot,
  readTelegramApiRoot,
  startTelegram,
  createTelegramWebhookRoutes,
  messageToIncoming,
  readTelegramMode,
  telegramAdapter,
  telegramCommands,
  telegramNotifier,
  toTelegramMessages,
  toTelegramPayloads,
} from '../src/platforms/telegram.js';

// Only what the adapter reads; the cast keeps the test valid when Telegram adds fields.
const BOT_INFO = { id: 42, is_bot: true, first_name: 'Test', username: 'test_bot' } as UserFromGetMe;
const from = { id: 7, is_bot: false, first_name: 'Ada' };
const WEBHOOK = 'https://bot.example.com/webhooks/telegram';

describe('Telegram adapter mapping', () => {
  it('maps a text message, dropping a mention of the bot', () => {
    expect(messageToIncoming({ text: '@test_bot hello', chat: { id: -100 }, from }, 'test_bot')).toEqual({
      platform: 'telegram',
      conversationId: 'telegram:-100:7',
      userId: '7',
      userName: 'Ada',
      text: 'hello',
    });
    expect(messageToIncoming({ text: '@test_bot', chat: { id: 7 }, from }, 'test_bot')?.text).toBe('/help');
  });

  it('ignores bots and messages without text or sender', () => {
    expect(messageToIncoming({ text: 'hi', chat: { id: 1 }, from: { ...from, is_bot: true } }, 'test_bot')).toBeNull();
    expect(messageToIncoming({ chat: { id: 1 }, from }, 'test_bot')).toBeNull();
    expect(messageToIncoming({ text: 'hi', chat: { id: 1 } }, 'test_bot')).toBeNull();
  });

  it('splits long replies at the message limit', () => {
    const messages = toTelegramMessages([{ text: 'a '.repeat(3000) }, { text: 'short' }]);
    expect(messages.length).toBe(3);
    expect(messages.every((m) => m.length <= 4096)).toBe(true);
  });

  it('renders choices as an inline keyboard under the last part of their reply', () => {
    const choices = [{ label: 'English', value: '/lang en' }, { label: 'Deutsch', value: '/lang de' }];
    const payloads = toTelegramPayloads([{ text: 'b '.repeat(3000), choices }]);
    expect(payloads.map((payload) => payload.replyMarkup)).toEqual([
      undefined,
      { inline_keyboard: [[{ text: 'English', callback_data: '/lang en' }], [{ text: 'Deutsch', callback_data: '/lang de' }]] },
    ]);
  });

  it('passes the user language on as the locale', () => {
    const incoming = messageToIncoming({ text: 'hola', chat: { id: 7 }, from: { ...from, language_code: 'es' } }, 'test_bot');
    expect(incoming?.locale).toBe('es');
    expect(messageToIncoming({ text: 'hi', chat: { id: 7 }, from }, 'test_bot')).not.toHaveProperty('locale');
  });

  it('registers the commands everyone may run, with valid Telegram names', () => {
    const help: Command = { name: 'help', description: 'List the commands', run: () => [] };
    const stats: Command = { name: 'stats', description: 'Show counters', adminOnly: true, run: () => [] };
    expect(telegramCommands([help, stats])).toEqual([{ command: 'help', description: 'List the commands' }]);
    expect(() => telegramCommands([{ ...help, name: 'Bad-Name' }])).toThrow(/Bad-Name/);
  });
});

describe('Telegram configuration', () => {
  it('polls without a webhook URL and needs the token', () => {
    expect(readTelegramMode({})).toEqual({ kind: 'polling' });
    expect(telegramAdapter.requiredEnv).toEqual(['TELEGRAM_BOT_TOKEN']);
  });

  it('uses a webhook with a valid secret', () => {
    const env = { TELEGRAM_WEBHOOK_URL: WEBHOOK, TELEGRAM_WEBHOOK_SECRET: 'abc_DEF-123' };
    expect(readTelegramMode(env)).toEqual({ kind: 'webhook', url: WEBHOOK, secretToken: 'abc_DEF-123' });
  });

  it('rejects an insecure or misplaced URL and a missing or invalid secret', () => {
    const secret = { TELEGRAM_WEBHOOK_SECRET: 'ok' };
    expect(() => readTelegramMode({ ...secret, TELEGRAM_WEBHOOK_URL: 'http://bot.example.com/webhooks/telegram' })).toThrow(/https/);
    expect(() => readTelegramMode({ ...secret, TELEGRAM_WEBHOOK_URL: 'https://bot.example.com/' })).toThrow(/webhooks/);
    expect(() => readTelegramMode({ TELEGRAM_WEBHOOK_URL: WEBHOOK })).toThrow(/TELEGRAM_WEBHOOK_SECRET/);
    expect(() => readTelegramMode({ TELEGRAM_WEBHOOK_URL: WEBHOOK, TELEGRAM_WEBHOOK_SECRET: 'no spaces' })).toThrow(/SECRET/);
  });
});

describe('Telegram webhook', () => {
  // A fake Bot API: grammY's transformer sees every call instead of the network.
  function setup() {
    const bot = createBot({ info: { name: 'Test', description: 'Test bot.' } });
    const telegram = createTelegramBot(bot, '123:TEST', BOT_INFO);
    const calls: { method: string; payload: unknown }[] = [];
    telegram.api.config.use(async (_prev, method, payload) => {
      calls.push({ method, payload });
      return { ok: true, result: { message_id: calls.length, date: 0, chat: { id: 7, type: 'private' } } as never };
    });
    const routes = createTelegramWebhookRoutes(telegram, 's3cret');
    const chat = { id: 7, type: 'private', first_name: 'Ada' };
    const send = (update: object, headers: Record<string, string>) =>
      routes.request('/', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ update_id: 1, ...update }),
      });
    const post = (headers: Record<string, string>) =>
      send({ message: { message_id: 1, date: 0, chat, from, text: 'hi' } }, headers);
    const press = (data: string) =>
      send(
        { callback_query: { id: 'q1', chat_instance: 'c', from, data, message: { message_id: 2, date: 0, chat } } },
        { 'x-telegram-bot-api-secret-token': 's3cret' },
      );
    return { calls, post, press, telegram };
  }

  it('answers an update carrying the right secret token', async () => {
    const { calls, post } = setup();
    const response = await post({ 'x-telegram-bot-api-secret-token': 's3cret' });
    expect(response.status).toBe(200);
    expect(calls).toEqual([{ method: 'sendMessage', payload: { chat_id: 7, text: 'You said: hi' } }]);
  });

  it('answers a pressed choice button as if its text were sent', async () => {
    const { calls, press } = setup();
    expect((await press('/lang es')).status).toBe(200);
    expect(calls.map((call) => call.method)).toEqual(['answerCallbackQuery', 'sendMessage']);
    expect(calls[1]?.payload).toEqual({ chat_id: 7, text: 'You said: /lang es' });
  });

  it('rejects a missing or wrong secret token without handling the update', async () => {
    const { calls, post } = setup();
    expect((await post({})).status).toBe(401);
    expect((await post({ 'x-telegram-bot-api-secret-token': 's3cre' })).status).toBe(401);
    expect((await post({ 'x-telegram-bot-api-secret-token': 'wrong!' })).status).toBe(401);
    expect(calls).toEqual([]);
  });

  it('posts scheduled messages and broadcasts through the Bot API', async () => {
    const { calls, telegram } = setup();
    await telegramNotifier(telegram).send('-100123', [{ text: 'Good morning' }]);
    expect(calls).toEqual([{ method: 'sendMessage', payload: { chat_id: '-100123', text: 'Good morning' } }]);
  });
});

/** A local Bot API: getMe, the command menu, deleteWebhook, getUpdates from a queue, sendMessage recorded. */
async function fakeBotApi() {
  const sent: { chatId: number; text: string; at: number }[] = [];
  let queue: unknown[] = [];
  let delivered = 0;
  let wake: () => void = () => undefined;
  const server: Server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = chunks.length > 0 ? JSON.parse(Buffer.concat(chunks).toString()) : {};
    const method = request.url?.split('/').pop() ?? '';
    const answer = (result: unknown) => response.setHeader('content-type', 'application/json').end(JSON.stringify({ ok: true, result }));
    if (method === 'getMe') return answer(BOT_INFO);
    if (method === 'getUpdates') {
      // Long polling: hold the request until updates are queued or a short timeout passes.
      if (queue.length === 0) await Promise.race([new Promise<void>((resolve) => (wake = resolve)), new Promise((r) => setTimeout(r, 200))]);
      const updates = queue;
      queue = [];
      if (updates.length > 0) delivered = Date.now();
      return answer(updates);
    }
    if (method === 'sendMessage') {
      sent.push({ chatId: Number(body.chat_id), text: String(body.text), at: Date.now() });
      return answer({ message_id: sent.length, date: 0, chat: { id: body.chat_id, type: 'private' } });
    }
    return answer(true);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  let nextId = 1;
  const message = (chatId: number, text: string) => ({
    update_id: nextId++,
    message: { message_id: nextId, date: 0, chat: { id: chatId, type: 'private', first_name: 'Ada' }, from: { ...from, id: chatId }, text },
  });
  return {
    root: 'http://127.0.0.1:' + (server.address() as AddressInfo).port,
    sent,
    deliveredAt: () => delivered,
    push(...updates: unknown[]) {
      queue.push(...updates);
      wake();
    },
    message,
    close: () => {
      // Ends a held getUpdates too, so closing never waits on a long poll.
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe('Telegram long polling through TELEGRAM_API_ROOT', () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('reads the API root and rejects a malformed one', () => {
    expect(readTelegramApiRoot({})).toBe('https://api.telegram.org');
    expect(readTelegramApiRoot({ TELEGRAM_API_ROOT: 'http://127.0.0.1:8081/' })).toBe('http://127.0.0.1:8081');
    expect(() => readTelegramApiRoot({ TELEGRAM_API_ROOT: 'ftp://x' })).toThrow(/TELEGRAM_API_ROOT/);
  });

  it('answers another chat within 200 ms while one chat waits on a slow answer, and keeps each chat in order', async () => {
    const api = await fakeBotApi();
    cleanups.push(api.close);
    let release: () => void = () => undefined;
    const slow = new Promise<void>((resolve) => (release = resolve));
    const bot = createBot({
      info: { name: 'Test', description: 'Test bot.' },
      plugins: [{ name: 'slow-ai', answer: async ({ message }) => {
        if (message.text === 'slow') await slow;
        return [{ text: 'answer to ' + message.text }];
      } }],
    });
    const running: Running = await startTelegram(bot, { TELEGRAM_BOT_TOKEN: '123:TEST', TELEGRAM_API_ROOT: api.root }, { leases: memoryLeaseStore() });
    cleanups.push(() => running.stop());
    api.push(api.message(1, 'slow'), api.message(1, 'after slow'), api.message(2, 'fast'));
    await expect.poll(() => api.sent.length, { timeout: 5_000 }).toBeGreaterThan(0);
    expect(api.sent).toEqual([expect.objectContaining({ chatId: 2, text: 'answer to fast' })]);
    expect((api.sent[0]?.at ?? Infinity) - api.deliveredAt()).toBeLessThan(200);
    release();
    await expect.poll(() => api.sent.length).toBe(3);
    expect(api.sent.filter((m) => m.chatId === 1).map((m) => m.text)).toEqual(['answer to slow', 'answer to after slow']);
  });

  it('fails to start within the bound, naming the root, when the Bot API is down', async () => {
    const api = await fakeBotApi();
    const root = api.root;
    await api.close(); // nothing listens on this port now
    const bot = createBot({ info: { name: 'Test', description: 'Test bot.' } });
    const started = Date.now();
    const env = { TELEGRAM_BOT_TOKEN: '123:TEST', TELEGRAM_API_ROOT: root, PLATFORM_START_TIMEOUT_MS: '1000' };
    await expect(startTelegram(bot, env, { leases: memoryLeaseStore() })).rejects.toThrow(
      'Telegram: could not reach ' + root + ' within 1 s (',
    );
    expect(Date.now() - started).toBeLessThan(3_000);
  });
});
`;
