import type { FastifyReply, FastifyRequest } from 'fastify';
import { errorBody } from '../errors';

/** Why a sign-in did not complete; stable codes the sign-in page explains. */
export type SignInFailureCode =
  | 'OAUTH_STATE_MISMATCH'
  | 'OAUTH_ACCESS_DENIED'
  | 'OAUTH_CODE_MISSING'
  | 'OAUTH_CODE_REJECTED'
  | 'GITHUB_UNAVAILABLE';

const FAILURES: Record<SignInFailureCode, { status: number; message: string }> = {
  OAUTH_STATE_MISMATCH: {
    status: 400,
    message: 'This sign-in was not started here, or took longer than 10 minutes. Start again.',
  },
  OAUTH_ACCESS_DENIED: { status: 400, message: 'You cancelled the sign-in at GitHub.' },
  OAUTH_CODE_MISSING: { status: 400, message: 'GitHub sent no authorization code.' },
  OAUTH_CODE_REJECTED: {
    status: 400,
    message: 'GitHub rejected the authorization code. Start the sign-in again.',
  },
  GITHUB_UNAVAILABLE: { status: 502, message: 'GitHub could not be reached. Try again shortly.' },
};

/**
 * Ends a failed sign-in: browsers (Accept: text/html) go back to the sign-in page, which
 * explains `?error=<code>`; other clients get the JSON error with the status.
 */
export function signInFailure(
  request: FastifyRequest,
  reply: FastifyReply,
  code: SignInFailureCode,
): FastifyReply {
  request.log.info({ code }, 'sign-in failed');
  if (request.headers.accept?.includes('text/html')) {
    return reply.redirect(`/sign-in?error=${code}`, 302);
  }
  const { status, message } = FAILURES[code];
  return reply.code(status).send(errorBody(code, message));
}
