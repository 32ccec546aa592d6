import type { Octokit } from 'octokit';
import { GitHubAccessMissingError, octokitForUser } from '../github/octokit';
import type { Services } from '../services';
import { type RetryOptions, withGitHubRetry } from './github-retry';
import { SetupError } from './setup-error';

/**
 * The user's Octokit for a setup step, with the step's retry policy built into every request:
 * transient failures are retried with backoff (`withGitHubRetry`), so what a call throws is
 * `PermanentGitHubError` or `TransientGitHubError`. Aborting `signal` (a lost lease) aborts
 * the request in flight and the waits between tries. `onRecovered` runs after a call that
 * needed retries succeeded (the step stops saying it retries).
 *
 * @example
 * const retry = { signal, tries: 4, baseDelayMs: 500, maxDelayMs: 60_000 };
 * const octokit = await setupOctokit(services, run.userId, retry);
 * const { data } = await octokit.rest.repos.get({ owner, repo });
 */
export async function setupOctokit(
  services: Pick<Services, 'db' | 'cipher' | 'github'>,
  userId: string,
  retry: RetryOptions & { signal: AbortSignal; onRecovered?: () => Promise<void> },
): Promise<Octokit> {
  const octokit = await octokitForUser(services, userId, { signal: retry.signal }).catch(
    (error: unknown) => {
      // Without GitHub access no step can run: a permanent failure the user fixes by signing in.
      if (error instanceof GitHubAccessMissingError) {
        throw new SetupError(
          'Botsmith has no usable GitHub token for you: sign in again, then retry.',
        );
      }
      throw error;
    },
  );
  octokit.hook.wrap('request', async (request, options) => {
    let retried = false;
    const response = await withGitHubRetry(async () => request(options), {
      ...retry,
      onRetry: async (failure, attempt, delayMs) => {
        retried = true;
        await retry.onRetry?.(failure, attempt, delayMs);
      },
    });
    if (retried) await retry.onRecovered?.();
    return response;
  });
  return octokit;
}
