import type { FastifyRequest } from 'fastify';

/** Where a request came from, as the audit log records it. */
export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
}

/** The client address (after TRUST_PROXY) and user agent of a request. */
export function requestMeta(request: FastifyRequest): RequestMeta {
  return { ip: request.ip ?? null, userAgent: request.headers['user-agent'] ?? null };
}

/** For contexts without a request (tests, scripts). */
export const NO_REQUEST_META: RequestMeta = { ip: null, userAgent: null };
