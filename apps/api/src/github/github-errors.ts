import { TRPCError } from '@trpc/server';
import { gitHubTimeoutOf } from './github-timeout';

// The one place that reads GitHub's failures: Octokit's `RequestError` (status, response),
// our request timeout, or a network error, without depending on Octokit's classes.

/** GitHub's HTTP status of a failed Octokit call, if it got that far. */
export function githubStatus(error: unknown): number | null {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : null;
}

/**
 * Turns the GitHub failures every call shares into clear errors: no answer in time, a
 * rejected token, missing rights, GitHub being down. Call-specific statuses (404, 422) are
 * for the caller to explain.
 */
export function githubFailure(error: unknown, doing: string): TRPCError {
  const timeout = gitHubTimeoutOf(error);
  if (timeout) {
    return new TRPCError({
      code: 'GATEWAY_TIMEOUT',
      message: `${timeout.message} while ${doing}; try again.`,
      cause: error,
    });
  }
  const status = githubStatus(error);
  if (status === 401) {
    return new TRPCError({
      code: 'PRECONDITION_FAILED',
      message: `GitHub no longer accepts your sign-in while ${doing}: sign in with GitHub again.`,
      cause: error,
    });
  }
  if (status === 403) {
    return new TRPCError({
      code: 'FORBIDDEN',
      message: `GitHub refused ${doing}: you need admin rights on the repository.`,
      cause: error,
    });
  }
  return new TRPCError({
    code: 'BAD_GATEWAY',
    message: `GitHub did not answer properly while ${doing}${status ? ` (HTTP ${status})` : ''}; try again.`,
    cause: error,
  });
}
