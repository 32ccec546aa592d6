import { SIGN_IN_FAILURE_MESSAGES, type SignInFailureCode } from '@botsmith/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { errorBody } from '../errors';

export type { SignInFailureCode };

/** GitHub being down is not the caller's fault; everything else is a bad request. */
const STATUS: Record<SignInFailureCode, number> = {
  OAUTH_STATE_MISMATCH: 400,
  OAUTH_ACCESS_DENIED: 400,
  OAUTH_CODE_MISSING: 400,
  OAUTH_CODE_REJECTED: 400,
  GITHUB_UNAVAILABLE: 502,
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
  return reply.code(STATUS[code]).send(errorBody(code, SIGN_IN_FAILURE_MESSAGES[code]));
}
