/** `src/platforms/whatsapp-webhook.ts`: signature check, handshake and payload parsing. */
export const WHATSAPP_WEBHOOK = `import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Checks X-Hub-Signature-256 ("sha256=" + hex HMAC-SHA256 of the raw body, keyed with the app
 * secret) in constant time. Verify the raw bytes before parsing: re-serialized JSON differs.
 */
export function isValidSignature(rawBody: Uint8Array | string, header: string | undefined, appSecret: string): boolean {
  if (!appSecret || !header?.startsWith('sha256=')) return false;
  const expected = createHmac('sha256', appSecret).update(rawBody).digest();
  const received = Buffer.from(header.slice('sha256='.length), 'hex');
  // timingSafeEqual throws on different lengths; malformed hex also decodes shorter.
  return received.length === expected.length && timingSafeEqual(received, expected);
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Meta's verification request when the webhook is configured: answers hub.challenge when
 * hub.mode is "subscribe" and hub.verify_token matches, otherwise null (answer 403).
 */
export function verifySubscription(
  query: { mode?: string | undefined; token?: string | undefined; challenge?: string | undefined },
  verifyToken: string,
): string | null {
  if (!verifyToken || query.mode !== 'subscribe' || query.token === undefined) return null;
  if (!sameSecret(query.token, verifyToken)) return null;
  return query.challenge ?? null;
}

/** An incoming text message, reduced to what the bot needs. */
export interface WhatsAppTextMessage {
  id: string;
  /** The sender's WhatsApp id (phone number), where replies go. */
  from: string;
  name?: string;
  text: string;
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** What the user sent: typed text, or the id of a pressed reply button (the choice's value). */
function messageText(message: Record<string, unknown>): string | undefined {
  const text = message.type === 'text' ? record(message.text).body : undefined;
  const pressed = message.type === 'interactive' ? record(record(message.interactive).button_reply).id : undefined;
  const value = text ?? pressed;
  return typeof value === 'string' ? value : undefined;
}

/**
 * The text messages and button presses of a webhook payload (entry[].changes[].value.messages[]). Status updates,
 * media and anything malformed are skipped: only the fields we use are read.
 */
export function textMessages(payload: unknown): WhatsAppTextMessage[] {
  const messages: WhatsAppTextMessage[] = [];
  for (const entry of list(record(payload).entry)) {
    for (const change of list(record(entry).changes)) {
      const value = record(record(change).value);
      const names = new Map<unknown, unknown>(
        list(value.contacts).map((contact) => [record(contact).wa_id, record(record(contact).profile).name]),
      );
      for (const raw of list(value.messages)) {
        const message = record(raw);
        const text = messageText(message);
        const { id, from } = message;
        if (text === undefined || typeof id !== 'string' || typeof from !== 'string') continue;
        const name = names.get(from);
        messages.push({ id, from, text, ...(typeof name === 'string' ? { name } : {}) });
      }
    }
  }
  return messages;
}
`;
