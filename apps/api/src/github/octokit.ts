import { Octokit } from 'octokit';
import type { Services } from '../services';
import type { GitHubConfig } from './github-config';
import { fetchWithTimeout } from './github-timeout';
import { readGitHubToken } from './github-token-store';

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

/**
 * We hold no usable GitHub token for the user: they never signed in with GitHub, or the key
 * that sealed it is gone. Procedures answer PRECONDITION_FAILED ("sign in again").
 */
export class GitHubAccessMissingError extends Error {
  override readonly name = 'GitHubAccessMissingError';
  constructor(cause?: unknown) {
    super('Botsmith holds no GitHub access for your account: sign in with GitHub again.', {
      cause,
    });
  }
}

/**
 * An Octokit acting as the user, with their stored token; the one way the API and its jobs
 * call GitHub for someone. Throws `GitHubAccessMissingError` when there is no usable token.
 *
 * @example const octokit = await octokitForUser(ctx, ctx.user.id);
 */
export async function octokitForUser(
  services: Pick<Services, 'db' | 'cipher' | 'github'>,
  userId: string,
  options: { signal?: AbortSignal } = {},
): Promise<Octokit> {
  let token: Awaited<ReturnType<typeof readGitHubToken>>;
  try {
    token = await readGitHubToken(services.db, services.cipher, userId);
  } catch (cause) {
    throw new GitHubAccessMissingError(cause);
  }
  if (!token) throw new GitHubAccessMissingError();
  return createOctokit(services.github, token.accessToken, options);
}
