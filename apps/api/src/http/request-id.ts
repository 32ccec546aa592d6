import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** The header a proxy may set and that we echo on every response. */
export const REQUEST_ID_HEADER = 'x-request-id';

// Accept a caller's id only if it is a short plain token: it ends up in every log line, so
// anything else (spaces, control characters, megabytes) could forge or flood log entries.
const SANE_REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

/**
 * Fastify's `genReqId`: the incoming `x-request-id` when it is a sane token, else a UUID.
 *
 * @example Fastify({ genReqId: requestIdFor })
 */
export function requestIdFor(request: IncomingMessage): string {
  const incoming = request.headers[REQUEST_ID_HEADER];
  return typeof incoming === 'string' && SANE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
}
