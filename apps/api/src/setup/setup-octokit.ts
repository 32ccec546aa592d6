import type { Octokit } from 'octokit';
import type { GitHubConfig } from '../github/github-config';
import { createOctokit } from '../github/octokit';
import { type RetryOptions, withGitHubRetry } from './github-retry';

/**
 * The user's Octokit for a setup step, with the step's retry policy built into every request:
 * transient failures are retried with backoff (`withGitHubRetry`), so what a call throws is
 * `PermanentGitHubError` or `TransientGitHubError`. Aborting `signal` (a lost lease) aborts
 * the request in flight and the waits between tries. `onRecovered` runs after a call that
 * needed retries succeeded (the step stops saying it retries).
 *
 * @example
 * const retry = { signal, tries: 4, baseDelayMs: 500, maxDelayMs: 60_000 };
 * const { data } = await setupOctokit(config.github, token, retry).rest.repos.get({ owner, repo });
 */
export function setupOctokit(
  github: GitHubConfig,
  accessToken: string,
  retry: RetryOptions & { signal: AbortSignal; onRecovered?: () => Promise<void> },
): Octokit {
  const octokit = createOctokit(github, accessToken, { signal: retry.signal });
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
