import type { Db, Session, User } from '@botsmith/db';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { validateApiToken } from '../api-tokens/api-tokens';
import {
  type CookiePolicy,
  clearSessionCookie,
  readSessionCookie,
  setSessionCookie,
} from '../sessions/session-cookie';
import { validateSessionToken } from '../sessions/sessions';

/** Who is calling: a browser session (cookie) or a script (personal API token). */
export type RequestAuth =
  | { kind: 'session'; user: User; session: Session }
  | { kind: 'api_token'; user: User; tokenId: string };

declare module 'fastify' {
  interface FastifyRequest {
    /** Set for `/trpc` and `/api` requests by `requestAuthPlugin`; `null` when anonymous. */
    auth: RequestAuth | null;
    /** Why `auth` is `null` although credentials were sent. */
    authFailure: 'invalid_api_token' | null;
  }
}

/**
 * Routes whose handlers may look at `request.auth`; static files and probes skip the lookup.
 * Matched against the route, not the raw URL, which may spell `/trpc/` as `/%74rpc/`.
 */
const AUTHENTICATED_PREFIXES = ['/trpc/', '/api/'];

function bearerToken(header: string | undefined): string | undefined {
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1];
}

/** Whether the request carries a session cookie (valid or not). */
export function hasSessionCookie(request: FastifyRequest, cookies: CookiePolicy): boolean {
  return readSessionCookie(request, cookies) !== undefined;
}

/**
 * Resolves `request.auth` from `Authorization: Bearer <api token>` or the session cookie. A
 * request that sends a bearer token is judged by it alone, never by a cookie next to it.
 * A stale session cookie is cleared; a refreshed session gets its cookie re-sent.
 */
export const requestAuthPlugin = fp(
  async (app: FastifyInstance, options: { db: Db; cookies: CookiePolicy }) => {
    const { db, cookies } = options;
    app.decorateRequest('auth', null);
    app.decorateRequest('authFailure', null);
    app.addHook('onRequest', async (request, reply) => {
      const route = request.routeOptions.url;
      if (!route || !AUTHENTICATED_PREFIXES.some((prefix) => route.startsWith(prefix))) return;
      const bearer = bearerToken(request.headers.authorization);
      if (bearer !== undefined) {
        const valid = await validateApiToken(db, bearer);
        if (valid) request.auth = { kind: 'api_token', ...valid };
        else request.authFailure = 'invalid_api_token';
        return;
      }
      const token = readSessionCookie(request, cookies);
      if (!token) return;
      const valid = await validateSessionToken(db, token);
      if (!valid) {
        clearSessionCookie(reply, cookies);
        return;
      }
      request.auth = { kind: 'session', user: valid.user, session: valid.session };
      if (valid.refreshed) setSessionCookie(reply, cookies, token, valid.session.expiresAt);
    });
  },
  { name: 'botsmith-request-auth', dependencies: ['@fastify/cookie'] },
);
