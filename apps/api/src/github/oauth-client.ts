import { GITHUB_SCOPES } from '@botsmith/shared';
import {
  ArcticFetchError,
  CodeChallengeMethod,
  OAuth2Client,
  OAuth2RequestError,
  UnexpectedErrorResponseBodyError,
  UnexpectedResponseError,
} from 'arctic';
import type { GitHubConfig } from './github-config';
import { GitHubTimeoutError, withTimeout } from './github-timeout';

/** Why a code exchange failed: GitHub refused it, or we could not talk to GitHub. */
export class GitHubOAuthError extends Error {
  override readonly name = 'GitHubOAuthError';

  constructor(
    readonly reason: 'rejected' | 'unavailable',
    /** GitHub's `error` field (e.g. `bad_verification_code`); never contains the code. */
    readonly githubError: string | null,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** An access token and the scopes GitHub granted with it. */
export interface GitHubGrant {
  accessToken: string;
  scopes: string[];
}

/** The web flow against one GitHub (github.com, Enterprise Server or the emulator). */
export interface GitHubOAuth {
  /** The authorize URL for a fresh `state` and PKCE `codeVerifier` (S256). */
  authorizationUrl(state: string, codeVerifier: string): URL;
  /** @throws {GitHubOAuthError} */
  exchangeCode(code: string, codeVerifier: string): Promise<GitHubGrant>;
}

/**
 * GitHub OAuth through Arctic's generic `OAuth2Client` — its `GitHub` class has fixed
 * github.com endpoints and no PKCE (SPEC §3).
 *
 * @example
 * const oauth = createGitHubOAuth(config.github, `${publicUrl}/auth/github/callback`);
 * const url = oauth.authorizationUrl(generateState(), generateCodeVerifier());
 */
export function createGitHubOAuth(github: GitHubConfig, redirectUri: string): GitHubOAuth {
  const client = new OAuth2Client(github.clientId, github.clientSecret, redirectUri);
  const authorizeEndpoint = `${github.webUrl}/login/oauth/authorize`;
  const tokenEndpoint = `${github.webUrl}/login/oauth/access_token`;
  return {
    authorizationUrl(state, codeVerifier) {
      return client.createAuthorizationURLWithPKCE(
        authorizeEndpoint,
        state,
        CodeChallengeMethod.S256,
        codeVerifier,
        [...GITHUB_SCOPES.map((scope) => scope.id)],
      );
    },
    async exchangeCode(code, codeVerifier) {
      let data: Record<string, unknown>;
      try {
        // Arctic's fetch takes no signal: stop waiting after the timeout instead.
        const tokens = await withTimeout(
          client.validateAuthorizationCode(tokenEndpoint, code, codeVerifier),
          github.requestTimeoutMs,
        );
        data = tokens.data as Record<string, unknown>;
      } catch (error) {
        if (error instanceof GitHubTimeoutError) {
          throw new GitHubOAuthError('unavailable', null, `${error.message} (token endpoint)`, {
            cause: error,
          });
        }
        if (error instanceof OAuth2RequestError) {
          throw new GitHubOAuthError('rejected', error.code, 'GitHub rejected the code', {
            cause: error,
          });
        }
        const unavailable =
          error instanceof ArcticFetchError ||
          error instanceof UnexpectedResponseError ||
          error instanceof UnexpectedErrorResponseBodyError;
        throw new GitHubOAuthError(
          'unavailable',
          null,
          unavailable ? 'GitHub’s token endpoint did not answer properly' : 'code exchange failed',
          { cause: error },
        );
      }
      // GitHub answers a bad code, a wrong secret, a redirect mismatch or a failed PKCE check
      // with HTTP 200 and an `error` field, which OAuth2Client passes through as "tokens".
      // https://docs.github.com/apps/oauth-apps/maintaining-oauth-apps/troubleshooting-oauth-app-access-token-request-errors
      if (typeof data.error === 'string') {
        throw new GitHubOAuthError('rejected', data.error, 'GitHub rejected the code');
      }
      if (typeof data.access_token !== 'string' || data.access_token === '') {
        throw new GitHubOAuthError(
          'unavailable',
          null,
          'GitHub’s token response had no access_token',
        );
      }
      return { accessToken: data.access_token, scopes: parseScopes(data.scope) };
    },
  };
}

/** GitHub lists granted scopes comma-separated (`repo,user:email`); tolerate spaces too. */
export function parseScopes(value: unknown): string[] {
  if (typeof value !== 'string') return [];
  return value
    .split(/[\s,]+/)
    .filter(Boolean)
    .sort();
}
