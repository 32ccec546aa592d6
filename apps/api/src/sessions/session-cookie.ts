import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Cookie names and attributes, fixed per server by whether cookies are `Secure`. */
export interface CookiePolicy {
  secure: boolean;
}

/**
 * The session cookie's name: `__Host-botsmith_session` when Secure (the prefix makes the
 * browser refuse it without Secure, with a Domain, or with a Path other than `/`), plain
 * `botsmith_session` over http in development and tests, where `__Host-` cannot be set.
 */
export function sessionCookieName(policy: CookiePolicy): string {
  return policy.secure ? '__Host-botsmith_session' : 'botsmith_session';
}

/** Attributes every auth cookie shares: HttpOnly, SameSite=Lax, Path=/, Secure when https. */
export function authCookieOptions(
  policy: CookiePolicy,
  maxAgeSeconds: number,
): CookieSerializeOptions {
  return {
    httpOnly: true,
    // Lax, not Strict: the OAuth callback is a top-level navigation from GitHub and must carry
    // the state cookie; Lax still withholds cookies from cross-site POSTs and subresources.
    sameSite: 'lax',
    secure: policy.secure,
    path: '/',
    maxAge: maxAgeSeconds,
  };
}

/** The session token the request carries in its cookie, if any. */
export function readSessionCookie(
  request: FastifyRequest,
  policy: CookiePolicy,
): string | undefined {
  return request.cookies[sessionCookieName(policy)] || undefined;
}

/** Sets the session cookie to expire with the session. */
export function setSessionCookie(
  reply: FastifyReply,
  policy: CookiePolicy,
  token: string,
  expiresAt: Date,
): void {
  const maxAge = Math.max(0, Math.round((expiresAt.getTime() - Date.now()) / 1000));
  reply.setCookie(sessionCookieName(policy), token, authCookieOptions(policy, maxAge));
}

/** Tells the browser to drop the session cookie. */
export function clearSessionCookie(reply: FastifyReply, policy: CookiePolicy): void {
  reply.clearCookie(sessionCookieName(policy), authCookieOptions(policy, 0));
}
