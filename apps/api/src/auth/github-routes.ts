import type { GitHubProfile } from '@botsmith/db';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { generateCodeVerifier, generateState } from 'arctic';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requestMeta } from '../activities/request-meta';
import { fetchGitHubProfile } from '../github/fetch-profile';
import { createGitHubOAuth, type GitHubGrant, GitHubOAuthError } from '../github/oauth-client';
import { createOctokit } from '../github/octokit';
import { loggableError } from '../http/loggable-error';
import type { Services } from '../services';
import { type CookiePolicy, readSessionCookie, setSessionCookie } from '../sessions/session-cookie';
import { completeSignIn } from './complete-sign-in';
import { clearPendingSignIn, readPendingSignIn, setPendingSignIn } from './oauth-cookies';
import { safeRedirectPath } from './safe-redirect';
import { signInFailure } from './sign-in-failure';

/** Where GitHub sends the browser back to, under PUBLIC_URL (register it in the OAuth app). */
export const GITHUB_CALLBACK_PATH = '/auth/github/callback';

/** What the sign-in routes need. */
export type GitHubRoutesOptions = Pick<Services, 'db' | 'cipher' | 'github' | 'publicUrl'> & {
  cookies: CookiePolicy;
  production: boolean;
};

function sameString(a: string, b: string): boolean {
  const encoder = new TextEncoder();
  return constantTimeEqual(encoder.encode(a), encoder.encode(b));
}

/**
 * `GET /auth/github` starts the web flow (state + PKCE S256, both in HttpOnly cookies) and
 * `GET /auth/github/callback` finishes it: checks state, exchanges the code, reads the
 * profile, signs the user in and sends them back to where they started.
 */
export function registerGitHubRoutes(app: FastifyInstance, options: GitHubRoutesOptions): void {
  const { db, cipher, github, publicUrl, cookies } = options;
  const oauth = createGitHubOAuth(github, `${publicUrl}${GITHUB_CALLBACK_PATH}`);
  const canonicalHost = new URL(publicUrl).host;

  app.get('/auth/github', async (request: FastifyRequest, reply: FastifyReply) => {
    // Cookies are per host: a flow started on localhost:5173 would lose its state cookie on a
    // callback to 127.0.0.1:5173. Locally, restart on the PUBLIC_URL host. (Not in production:
    // behind a proxy the Host header need not match, and PUBLIC_URL is what users visit.)
    if (!options.production && request.host !== canonicalHost) {
      const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
      return reply.redirect(`${publicUrl}/auth/github${query}`, 302);
    }
    const { redirect } = request.query as { redirect?: unknown };
    const state = generateState();
    const codeVerifier = generateCodeVerifier();
    setPendingSignIn(reply, cookies, {
      state,
      codeVerifier,
      redirect: safeRedirectPath(redirect, publicUrl),
    });
    return reply
      .header('cache-control', 'no-store')
      .redirect(oauth.authorizationUrl(state, codeVerifier).toString(), 302);
  });

  app.get(GITHUB_CALLBACK_PATH, async (request: FastifyRequest, reply: FastifyReply) => {
    const query = request.query as Record<string, unknown>;
    const pending = readPendingSignIn(request, cookies);
    clearPendingSignIn(reply, cookies);
    reply.header('cache-control', 'no-store');

    const state = typeof query.state === 'string' ? query.state : '';
    if (!pending.state || !pending.codeVerifier || !state || !sameString(pending.state, state)) {
      return signInFailure(request, reply, 'OAUTH_STATE_MISMATCH');
    }
    if (query.error === 'access_denied') {
      return signInFailure(request, reply, 'OAUTH_ACCESS_DENIED');
    }
    if (typeof query.code !== 'string' || query.code === '') {
      return signInFailure(request, reply, 'OAUTH_CODE_MISSING');
    }

    let grant: GitHubGrant;
    let profile: GitHubProfile;
    try {
      grant = await oauth.exchangeCode(query.code, pending.codeVerifier);
      profile = await fetchGitHubProfile(createOctokit(github, grant.accessToken));
    } catch (error) {
      if (error instanceof GitHubOAuthError && error.reason === 'rejected') {
        request.log.warn({ githubError: error.githubError }, 'GitHub rejected the sign-in code');
        return signInFailure(request, reply, 'OAUTH_CODE_REJECTED');
      }
      request.log.error({ err: loggableError(error) }, 'sign-in with GitHub failed');
      return signInFailure(request, reply, 'GITHUB_UNAVAILABLE');
    }
    // Our own failures (the database) are 500s from the error handler, not GitHub's fault.
    const signedIn = await completeSignIn(db, cipher, {
      profile,
      grant,
      previousSessionToken: readSessionCookie(request, cookies),
      meta: requestMeta(request),
    });
    request.log.info({ userId: signedIn.user.id }, 'signed in with GitHub');
    setSessionCookie(reply, cookies, signedIn.token, signedIn.session.expiresAt);
    return reply.redirect(safeRedirectPath(pending.redirect, publicUrl), 302);
  });
}
