import { Octokit } from 'octokit';
import type { GitHubConfig } from './github-config';
import { fetchWithTimeout } from './github-timeout';

/** Octokit's logger shape; ours drops debug/info noise and never sees auth headers. */
interface OctokitLog {
  debug: (message: string) => void;
  info: (message: string) => void;
  warn: (message: string) => void;
  error: (message: string) => void;
}

const quiet: OctokitLog = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
};

/**
 * An Octokit for the configured GitHub's REST API, authenticated as the user. Every request
 * gives up after `github.requestTimeoutMs` (a hung connection would otherwise hold its caller
 * for undici's 300 s), or when `options.signal` aborts.
 *
 * @example const octokit = createOctokit(config.github, accessToken, { signal });
 */
export function createOctokit(
  github: GitHubConfig,
  accessToken: string,
  options: { signal?: AbortSignal; log?: OctokitLog } = {},
): Octokit {
  return new Octokit({
    auth: accessToken,
    baseUrl: github.apiUrl,
    userAgent: 'botsmith',
    log: options.log ?? quiet,
    request: { fetch: fetchWithTimeout(github.requestTimeoutMs, options.signal) },
    // Sign-in waits on these calls: fail fast instead of retrying for minutes.
    retry: { enabled: false },
    throttle: { enabled: false },
  });
}
