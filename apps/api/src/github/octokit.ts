import { Octokit } from 'octokit';
import type { GitHubConfig } from './github-config';

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
 * An Octokit for the configured GitHub's REST API, authenticated as the user.
 *
 * @example const octokit = createOctokit(config.github, accessToken);
 */
export function createOctokit(
  github: GitHubConfig,
  accessToken: string,
  log: OctokitLog = quiet,
): Octokit {
  return new Octokit({
    auth: accessToken,
    baseUrl: github.apiUrl,
    userAgent: 'botsmith',
    log,
    // Sign-in waits on these calls: fail fast instead of retrying for minutes.
    retry: { enabled: false },
    throttle: { enabled: false },
  });
}
