import type { FastifyReply, FastifyRequest } from 'fastify';
import { authCookieOptions, type CookiePolicy } from '../sessions/session-cookie';

/** Ten minutes to finish at GitHub, like GitHub's own authorization codes. */
export const OAUTH_COOKIE_MAX_AGE_SECONDS = 600;

const NAMES = {
  state: 'botsmith_oauth_state',
  verifier: 'botsmith_oauth_verifier',
  redirect: 'botsmith_oauth_redirect',
};

/** What `/auth/github` remembers for its callback, in short-lived HttpOnly cookies. */
export interface PendingSignIn {
  state: string;
  codeVerifier: string;
  redirect: string;
}

function name(policy: CookiePolicy, key: keyof typeof NAMES): string {
  return policy.secure ? `__Host-${NAMES[key]}` : NAMES[key];
}

/** Stores the state, the PKCE verifier and the return path for the callback. */
export function setPendingSignIn(
  reply: FastifyReply,
  policy: CookiePolicy,
  pending: PendingSignIn,
): void {
  const options = authCookieOptions(policy, OAUTH_COOKIE_MAX_AGE_SECONDS);
  reply.setCookie(name(policy, 'state'), pending.state, options);
  reply.setCookie(name(policy, 'verifier'), pending.codeVerifier, options);
  reply.setCookie(name(policy, 'redirect'), pending.redirect, options);
}

/** Reads the pending sign-in (fields missing when the cookies expired or never existed). */
export function readPendingSignIn(
  request: FastifyRequest,
  policy: CookiePolicy,
): Partial<PendingSignIn> {
  return {
    state: request.cookies[name(policy, 'state')] || undefined,
    codeVerifier: request.cookies[name(policy, 'verifier')] || undefined,
    redirect: request.cookies[name(policy, 'redirect')] || undefined,
  };
}

/** Deletes the cookies: a state is good for one callback only. */
export function clearPendingSignIn(reply: FastifyReply, policy: CookiePolicy): void {
  const options = authCookieOptions(policy, 0);
  for (const key of Object.keys(NAMES) as (keyof typeof NAMES)[]) {
    reply.clearCookie(name(policy, key), options);
  }
}
