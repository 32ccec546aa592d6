import { TRPCError } from '@trpc/server';
import { gitHubTimeoutOf, seconds } from './github-timeout';

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

/**
 * How a failed GitHub call should be treated: `transient` ones (5xx, 429, secondary rate
 * limits, network errors, no answer in time) are retried after `retryAfterMs`; `permanent`
 * ones (other 4xx) fail the step with GitHub's message.
 */
export type GitHubFailure =
  | {
      kind: 'transient';
      /** `null`: no HTTP answer (a network error, or `timedOut`). */
      status: number | null;
      timedOut: boolean;
      message: string;
      retryAfterMs: number | null;
    }
  | { kind: 'permanent'; status: number; message: string };

interface ErrorLike {
  status?: unknown;
  message?: unknown;
  response?: { headers?: Record<string, string | undefined>; data?: unknown };
}

/** Reads Octokit's `RequestError` (or a network error) without depending on its class. */
export function classifyGitHubError(error: unknown): GitHubFailure {
  // Octokit reports our fetch's timeout as a 500 of its own; it is no answer at all.
  const timeout = gitHubTimeoutOf(error);
  if (timeout) {
    const message = `timed out after ${seconds(timeout.timeoutMs)}`;
    return { kind: 'transient', status: null, timedOut: true, message, retryAfterMs: null };
  }
  const e = (typeof error === 'object' && error !== null ? error : {}) as ErrorLike;
  const status = typeof e.status === 'number' ? e.status : null;
  const data = e.response?.data as { message?: unknown } | undefined;
  const message =
    typeof data?.message === 'string'
      ? data.message
      : typeof e.message === 'string'
        ? e.message
        : String(error);
  const headers = e.response?.headers ?? {};
  const retryAfterMs = retryAfter(headers);
  if (status === null || status >= 500 || status === 429) {
    return { kind: 'transient', status, timedOut: false, message, retryAfterMs };
  }
  // GitHub answers secondary rate limits with 403 (sometimes 429) and a retry-after header,
  // or only the message: https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api
  const rateLimited =
    status === 403 &&
    (headers['retry-after'] !== undefined ||
      headers['x-ratelimit-remaining'] === '0' ||
      /rate limit/i.test(message));
  if (rateLimited) return { kind: 'transient', status, timedOut: false, message, retryAfterMs };
  return { kind: 'permanent', status, message };
}

/**
 * GitHub's own wait: `retry-after`, else the rate-limit reset — but only once the budget is
 * spent, since GitHub sends `x-ratelimit-reset` on every answer, 5xx included.
 * https://docs.github.com/rest/using-the-rest-api/best-practices-for-using-the-rest-api#handle-rate-limit-errors-appropriately
 */
function retryAfter(headers: Record<string, string | undefined>): number | null {
  const header = headers['retry-after']?.trim();
  if (header !== undefined && /^\d+$/.test(header)) return Number(header) * 1000;
  const reset = headers['x-ratelimit-reset']?.trim();
  if (headers['x-ratelimit-remaining']?.trim() === '0' && reset && /^\d+$/.test(reset)) {
    return Math.max(0, Number(reset) * 1000 - Date.now());
  }
  return null;
}
