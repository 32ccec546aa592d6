import { createHmac, timingSafeEqual } from 'node:crypto';

const SIGNATURE = /^sha256=([0-9a-f]{64})$/;

/**
 * Whether `header` (`X-Hub-Signature-256`) is the HMAC-SHA256 of the exact body bytes under
 * `secret`. Compared in constant time, so the answer's timing says nothing about how much of
 * a forged signature was right. A missing or malformed header is simply not valid.
 * See https://docs.github.com/en/webhooks/using-webhooks/validating-webhook-deliveries.
 *
 * @example verifySignature(secret, rawBody, request.headers['x-hub-signature-256'])
 */
export function verifySignature(
  secret: string,
  body: Uint8Array,
  header: string | string[] | undefined,
): boolean {
  if (typeof header !== 'string') return false;
  const match = SIGNATURE.exec(header);
  if (!match?.[1]) return false;
  const expected = createHmac('sha256', secret).update(body).digest();
  return timingSafeEqual(expected, Buffer.from(match[1], 'hex'));
}
