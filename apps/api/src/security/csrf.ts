import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { hasSessionCookie } from '../auth/request-auth';
import { errorBody } from '../errors';
import type { CookiePolicy } from '../sessions/session-cookie';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Options for `csrfPlugin`. */
export interface CsrfOptions {
  cookies: CookiePolicy;
  /** Our own origin (PUBLIC_URL) and the CORS allowlist: origins that may send cookies. */
  trustedOrigins: readonly string[];
}

/**
 * Refuses every state-changing request that carries the session cookie unless the browser
 * says it came from our own page: `Sec-Fetch-Site: same-origin`, or an `Origin` we trust.
 * A cross-site HTML form can POST `multipart/form-data` or urlencoded bodies with the user's
 * cookies (same-site pages can, even with SameSite=Lax), and tRPC v11 accepts form data and
 * POSTed queries (`allowMethodOverride`), so the method and body type alone prove nothing.
 * Bearer-token requests are exempt: a browser never attaches those by itself.
 * See https://owasp.org/www-community/attacks/csrf and https://web.dev/articles/fetch-metadata.
 */
export const csrfPlugin = fp(
  async (app: FastifyInstance, options: CsrfOptions) => {
    const trusted = new Set(options.trustedOrigins);
    app.addHook('onRequest', async (request, reply) => {
      if (SAFE_METHODS.has(request.method) || !hasSessionCookie(request, options.cookies)) return;
      if (request.headers['sec-fetch-site'] === 'same-origin') return;
      const origin = request.headers.origin;
      if (origin && trusted.has(origin)) return;
      request.log.warn(
        { origin: origin ?? null, secFetchSite: request.headers['sec-fetch-site'] ?? null },
        'refused a cross-site request carrying the session cookie',
      );
      return reply
        .code(403)
        .send(
          errorBody(
            'CSRF_REJECTED',
            'Cross-site request refused: requests signed in by cookie must come from this site.',
          ),
        );
    });
  },
  { name: 'botsmith-csrf', dependencies: ['@fastify/cookie'] },
);
