/** `src/platforms/whatsapp.ts` of the generated project: Cloud API webhook and replies. */
export const WHATSAPP_ADAPTER = `import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { type Bot, type IncomingMessage, type Reply, replyAsText } from '../core/index.js';
import { mountRoutes } from '../http/server.js';
import { log } from '../log.js';
import type { Service } from '../runtime.js';
import { BUTTON_LIMITS, createGraphClient, type GraphClient, readGraphVersion } from './whatsapp-graph.js';
import { isValidSignature, textMessages, verifySubscription, type WhatsAppTextMessage } from './whatsapp-webhook.js';
import { splitText } from './split-text.js';

/** Where Meta delivers webhooks; the callback URL in the app dashboard points here. */
export const WHATSAPP_WEBHOOK_PATH = '/webhooks/whatsapp';
/** WhatsApp rejects text messages longer than this many characters. */
export const WHATSAPP_TEXT_LIMIT = 4096;
// Meta's payloads are small; anything larger is not from Meta.
const MAX_BODY_BYTES = 1024 * 1024;

/** Maps a text message to the core's message; one conversation per WhatsApp user. */
export function toIncoming(message: WhatsAppTextMessage): IncomingMessage {
  return {
    platform: 'whatsapp',
    conversationId: 'whatsapp:' + message.from,
    userId: message.from,
    ...(message.name === undefined ? {} : { userName: message.name }),
    text: message.text,
  };
}

/** One message to send: text, or text with reply buttons. */
export type WhatsAppOutgoing =
  | { kind: 'text'; text: string }
  | { kind: 'buttons'; text: string; buttons: { id: string; title: string }[] };

/**
 * A reply as WhatsApp messages: choices that fit reply buttons (three, short titles) go under
 * the last part; otherwise they are listed in the text, to be typed.
 */
export function toWhatsAppMessages(reply: Reply): WhatsAppOutgoing[] {
  const choices = reply.choices ?? [];
  const fits =
    choices.length > 0 &&
    choices.length <= BUTTON_LIMITS.count &&
    choices.every((choice) => choice.label.length <= BUTTON_LIMITS.title);
  if (!fits) return splitText(replyAsText(reply), WHATSAPP_TEXT_LIMIT).map((text) => ({ kind: 'text', text }));
  const parts = splitText(reply.text, BUTTON_LIMITS.body);
  const last = parts.pop() ?? '';
  const buttons = choices.map((choice) => ({ id: choice.value, title: choice.label }));
  return [...parts.map((text) => ({ kind: 'text' as const, text })), { kind: 'buttons', text: last, buttons }];
}

export interface WhatsAppRoutesOptions {
  appSecret: string;
  verifyToken: string;
  graph: GraphClient;
  /** Receives the work done after answering Meta; tests await it. */
  waitUntil?: (task: Promise<void>) => void;
}

/**
 * GET answers Meta's verification handshake; POST accepts events only with a valid
 * X-Hub-Signature-256 over the raw body, answers 200 at once (Meta retries slow or failed
 * deliveries) and replies afterwards. Redelivered message ids are answered once.
 */
export function createWhatsAppRoutes(bot: Bot, options: WhatsAppRoutesOptions): Hono {
  const { appSecret, verifyToken, graph } = options;
  const waitUntil = options.waitUntil ?? ((task) => void task);
  const seen = new Set<string>();

  async function answer(message: WhatsAppTextMessage): Promise<void> {
    try {
      for (const reply of await bot.handleMessage(toIncoming(message))) {
        for (const outgoing of toWhatsAppMessages(reply)) {
          if (outgoing.kind === 'buttons') await graph.sendButtons(message.from, outgoing.text, outgoing.buttons);
          else await graph.sendText(message.from, outgoing.text);
        }
      }
    } catch (error) {
      log.error({ err: error, messageId: message.id }, 'WhatsApp: failed to answer a message');
    }
  }

  return new Hono()
    .get('/', (c) => {
      const challenge = verifySubscription(
        { mode: c.req.query('hub.mode'), token: c.req.query('hub.verify_token'), challenge: c.req.query('hub.challenge') },
        verifyToken,
      );
      return challenge === null ? c.text('Forbidden', 403) : c.text(challenge);
    })
    .post('/', bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => c.text('Payload too large', 413) }), async (c) => {
      const rawBody = new Uint8Array(await c.req.arrayBuffer());
      if (!isValidSignature(rawBody, c.req.header('x-hub-signature-256'), appSecret)) {
        return c.text('Invalid signature', 401);
      }
      let payload: unknown;
      try {
        payload = JSON.parse(new TextDecoder().decode(rawBody));
      } catch {
        return c.text('Invalid JSON', 400);
      }
      for (const message of textMessages(payload)) {
        if (seen.has(message.id)) continue;
        seen.add(message.id);
        if (seen.size > 10_000) seen.delete(seen.values().next().value ?? '');
        waitUntil(answer(message));
      }
      return c.text('OK');
    });
}

/** The WhatsApp adapter: mounts the webhook on the shared HTTP server. */
export const whatsappAdapter: Service = {
  name: 'WhatsApp',
  kind: 'platform',
  requiredEnv: ['WHATSAPP_ACCESS_TOKEN', 'WHATSAPP_PHONE_NUMBER_ID', 'WHATSAPP_APP_SECRET', 'WHATSAPP_VERIFY_TOKEN'],
  async start(bot, env) {
    const graph = createGraphClient({
      accessToken: env.WHATSAPP_ACCESS_TOKEN ?? '',
      phoneNumberId: env.WHATSAPP_PHONE_NUMBER_ID ?? '',
      version: readGraphVersion(env),
    });
    const routes = createWhatsAppRoutes(bot, {
      appSecret: env.WHATSAPP_APP_SECRET ?? '',
      verifyToken: env.WHATSAPP_VERIFY_TOKEN ?? '',
      graph,
    });
    mountRoutes(WHATSAPP_WEBHOOK_PATH, routes);
    log.info('WhatsApp: webhook at ' + WHATSAPP_WEBHOOK_PATH);
    return { stop: async () => undefined };
  },
};
`;
