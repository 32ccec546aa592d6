import { classifyGitHubError, type GitHubFailure } from '../github/github-errors';

/** A transient failure in words, e.g. `GitHub did not answer properly (502: Server Error)`. */
export function describeTransientFailure(failure: GitHubFailure): string {
  const detail =
    failure.status !== null
      ? `${failure.status}: ${failure.message}`
      : failure.kind === 'transient' && failure.timedOut
        ? failure.message
        : `network error: ${failure.message}`;
  return `GitHub did not answer properly (${detail})`;
}

/** What a step shows while it waits to try a call again, e.g. `Retrying in 2 s: …`. */
export function retryingMessage(failure: GitHubFailure, delayMs: number): string {
  const seconds = Math.max(1, Math.ceil(delayMs / 1000));
  return `Retrying in ${seconds} s: ${describeTransientFailure(failure)}.`;
}

/** Every try failed transiently: the job should be retried later (pg-boss backoff). */
export class TransientGitHubError extends Error {
  override readonly name = 'TransientGitHubError';
}

/** GitHub refused for good (a 4xx): retrying the same request cannot help. */
export class PermanentGitHubError extends Error {
  override readonly name = 'PermanentGitHubError';

  constructor(
    readonly status: number,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

export interface RetryOptions {
  /** Attempts in all, the first included. */
  tries: number;
  /** First backoff delay; doubled per attempt unless GitHub says how long to wait. */
  baseDelayMs: number;
  /** The longest we honour a `retry-after` inside a step; longer waits go to the job queue. */
  maxDelayMs: number;
  signal?: AbortSignal;
  /** Called before each backoff sleep (awaited, so what it records is there during the wait). */
  onRetry?: (failure: GitHubFailure, attempt: number, delayMs: number) => void | Promise<void>;
}

/** The delay before attempt `attempt + 1`: GitHub's `retry-after`, else exponential backoff. */
export function backoffDelay(
  failure: GitHubFailure,
  attempt: number,
  options: RetryOptions,
): number {
  const wanted =
    failure.kind === 'transient' && failure.retryAfterMs !== null
      ? failure.retryAfterMs
      : options.baseDelayMs * 2 ** (attempt - 1);
  return Math.min(wanted, options.maxDelayMs);
}

/**
 * Runs `call`, retrying transient GitHub failures with backoff; throws
 * `PermanentGitHubError` at once for a 4xx and `TransientGitHubError` when tries run out.
 *
 * @example const { data } = await withGitHubRetry(() => octokit.rest.repos.get({ owner, repo }), policy);
 */
export async function withGitHubRetry<T>(
  call: () => Promise<T>,
  options: RetryOptions,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    options.signal?.throwIfAborted();
    try {
      return await call();
    } catch (error) {
      if (error instanceof PermanentGitHubError || error instanceof TransientGitHubError)
        throw error;
      // Aborted by the caller (a lost lease): not GitHub's failure, nothing to retry.
      if (options.signal?.aborted) throw options.signal.reason;
      if ((error as Error)?.name === 'AbortError') throw error;
      const failure = classifyGitHubError(error);
      if (failure.kind === 'permanent') {
        throw new PermanentGitHubError(failure.status, failure.message, { cause: error });
      }
      if (attempt >= options.tries) {
        throw new TransientGitHubError(describeTransientFailure(failure), { cause: error });
      }
      const delay = backoffDelay(failure, attempt, options);
      await options.onRetry?.(failure, attempt, delay);
      await sleep(delay, options.signal);
    }
  }
}

/** Resolves after `ms`, or rejects when `signal` aborts first. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
