import { describeEachDatabase } from '@botsmith/db/testing';
import { scaledTimeout } from '@botsmith/test-kit';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { type AuthTestServer, startAuthTestServer } from '../testing/auth-test-server';
import {
  authorizeAtGitHub,
  errorCodeOf,
  finishSignIn,
  SESSION_COOKIE,
  signIn,
  startSignIn,
  trpc,
} from '../testing/sign-in-flow';

const SCOPES = 'read:user user:email repo workflow admin:repo_hook';

describeEachDatabase('sign in with GitHub (emulator, real HTTP)', (t) => {
  let app: AuthTestServer;
  beforeAll(async () => {
    app = await startAuthTestServer(t.db);
  });
  afterAll(() => app.stop());
  beforeEach(() => app.github.store.reset());

  test('GET /auth/github redirects to GitHub with state, PKCE S256 and the scopes', async () => {
    const { jar, authorizeUrl } = await startSignIn(app.url, { redirect: '/account' });
    expect(`${authorizeUrl.origin}${authorizeUrl.pathname}`).toBe(
      `${app.github.url}/login/oauth/authorize`,
    );
    const params = authorizeUrl.searchParams;
    expect(params.get('client_id')).toBe('botsmith-dev-client');
    expect(params.get('redirect_uri')).toBe(`${app.url}/auth/github/callback`);
    expect(params.get('scope')).toBe(SCOPES);
    expect(params.get('code_challenge_method')).toBe('S256');
    expect(params.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(params.get('state')).toBe(jar.get('botsmith_oauth_state'));
    for (const name of [
      'botsmith_oauth_state',
      'botsmith_oauth_verifier',
      'botsmith_oauth_redirect',
    ]) {
      const line = jar.setCookies.get(name) ?? '';
      expect(line, name).toMatch(/; Max-Age=600(;|$)/);
      expect(line, name).toMatch(/; Path=\//);
      expect(line, name).toMatch(/; HttpOnly/);
      expect(line, name).toMatch(/; SameSite=Lax/);
      // Tests run over http: no Secure (production sets it and the __Host- prefix).
      expect(line, name).not.toMatch(/Secure/);
    }
    expect(jar.get('botsmith_oauth_redirect')).toBe('/account');
  });

  test('the callback signs in, stores the user and an encrypted token, and redirects back', async () => {
    const { jar, sessionToken, callback } = await signIn(app.url, {
      redirect: '/account?tab=tokens',
    });
    expect(callback.headers.get('location')).toBe('/account?tab=tokens');
    expect(callback.headers.get('cache-control')).toBe('no-store');
    expect(sessionToken).toMatch(/^[a-z2-7]{24}\.[a-z2-7]{52}$/);
    const sessionLine = jar.setCookies.get(SESSION_COOKIE) ?? '';
    expect(sessionLine).toMatch(/; HttpOnly/);
    expect(sessionLine).toMatch(/; SameSite=Lax/);
    expect(sessionLine).toMatch(/; Path=\//);
    expect(sessionLine).toMatch(/; Max-Age=259(1999|2000)(;|$)/); // 30 days, the idle timeout
    // The one-time OAuth cookies are gone.
    expect(jar.get('botsmith_oauth_state')).toBeUndefined();
    expect(jar.get('botsmith_oauth_verifier')).toBeUndefined();

    const me = await trpc(app.url, 'auth.me', { jar });
    expect(me.body.result.data.json).toMatchObject({
      user: {
        login: 'octocat',
        name: 'The Octocat',
        email: 'octocat@github.com',
        avatarUrl: expect.stringContaining('/_emulator/avatars/octocat'),
      },
      via: 'session',
    });

    const user = await t.db
      .selectFrom('users')
      .selectAll()
      .where('login', '=', 'octocat')
      .executeTakeFirstOrThrow();
    expect(user.githubId).toBe(583231);
    const activity = await t.db
      .selectFrom('activities')
      .selectAll()
      .where('userId', '=', user.id)
      .where('action', '=', 'auth.sign_in')
      .orderBy('createdAt', 'desc')
      .executeTakeFirstOrThrow();
    expect(activity).toMatchObject({ ip: '127.0.0.1', userAgent: 'botsmith-tests/1.0' });
  });

  test('GitHub tokens are stored encrypted: the raw row holds no plaintext', async () => {
    await signIn(app.url, { login: 'hubot' });
    const issued = app.github.store.state.tokens;
    const accessToken = [...issued.values()].find((token) => token.login === 'hubot')?.token;
    expect(accessToken).toMatch(/^gho_/);

    const user = await t.db
      .selectFrom('users')
      .select('id')
      .where('login', '=', 'hubot')
      .executeTakeFirstOrThrow();
    const { rows } = await sql<
      Record<string, unknown>
    >`select * from oauth_tokens where user_id = ${user.id}`.execute(t.db.withoutPlugins());
    expect(rows).toHaveLength(1);
    const raw = rows[0] ?? {};
    expect(raw.key_id).toBe('test-1');
    expect(raw.scopes).toEqual(['admin:repo_hook', 'read:user', 'repo', 'user:email', 'workflow']);
    const bytes = Buffer.from(raw.access_token_ciphertext as Uint8Array);
    expect(bytes.length).toBe(12 + (accessToken?.length ?? 0) + 16);
    const everything = JSON.stringify(rows, (_key, value) =>
      value instanceof Uint8Array ? Buffer.from(value).toString('latin1') : value,
    );
    expect(everything).not.toContain(accessToken);
    expect(bytes.toString('latin1')).not.toContain(accessToken?.slice(4, 20));
    expect(bytes.toString('base64')).not.toContain(
      Buffer.from(accessToken ?? '')
        .toString('base64')
        .slice(0, 16),
    );
  });

  test('only same-origin relative redirects are honoured', async () => {
    for (const [redirect, expected] of [
      ['//evil.example/steal', '/'],
      ['https://evil.example/', '/'],
      ['/\\evil.example', '/'],
      ['/auth/github', '/'],
      ['/dashboard#deployments', '/dashboard#deployments'],
    ] as const) {
      const { callback } = await signIn(app.url, { redirect });
      expect(callback.headers.get('location'), redirect).toBe(expected);
    }
  });

  test('a forged state is rejected and no session is created', async () => {
    const { jar, authorizeUrl } = await startSignIn(app.url);
    const callbackUrl = await authorizeAtGitHub(authorizeUrl);
    callbackUrl.searchParams.set('state', 'forged-state-value');
    const response = await finishSignIn(callbackUrl, jar);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: { code: 'OAUTH_STATE_MISMATCH', message: expect.any(String) },
    });
    expect(jar.get(SESSION_COOKIE)).toBeUndefined();
    // The code was never exchanged: GitHub issued no token.
    expect(app.github.store.state.tokens.size).toBe(0);
  });

  test('a missing state, or a callback without the state cookie, is rejected', async () => {
    const { jar, authorizeUrl } = await startSignIn(app.url);
    const callbackUrl = await authorizeAtGitHub(authorizeUrl);

    const withoutState = new URL(callbackUrl);
    withoutState.searchParams.delete('state');
    expect((await finishSignIn(withoutState, jar.clone())).status).toBe(400);

    // Another browser (no cookies) replaying the victim's callback URL: login CSRF.
    const replay = await finishSignIn(callbackUrl, jar.clone().delete('botsmith_oauth_state'));
    expect(replay.status).toBe(400);
    expect(await errorCodeOf(replay)).toBe('OAUTH_STATE_MISMATCH');

    // Browsers get sent back to the sign-in page with the code instead of JSON.
    const html = await finishSignIn(withoutState, jar.clone(), { accept: 'text/html' });
    expect(html.status).toBe(302);
    expect(html.headers.get('location')).toBe('/sign-in?error=OAUTH_STATE_MISMATCH');
  });

  test('a state is good for one callback only', async () => {
    const { jar, authorizeUrl } = await startSignIn(app.url);
    const callbackUrl = await authorizeAtGitHub(authorizeUrl);
    const saved = jar.clone();
    expect((await finishSignIn(callbackUrl, jar)).status).toBe(302);
    // The browser dropped the state cookie; replaying with the old cookies reuses the code.
    expect(jar.get('botsmith_oauth_state')).toBeUndefined();
    const again = await finishSignIn(callbackUrl, saved);
    expect(again.status).toBe(400);
    expect(await errorCodeOf(again)).toBe('OAUTH_CODE_REJECTED');
  });

  test('a wrong PKCE verifier is rejected (GitHub answers 200 with an error)', async () => {
    const { jar, authorizeUrl } = await startSignIn(app.url);
    const callbackUrl = await authorizeAtGitHub(authorizeUrl);
    jar.set('botsmith_oauth_verifier', 'x'.repeat(43));
    const response = await finishSignIn(callbackUrl, jar);
    expect(response.status).toBe(400);
    expect(await errorCodeOf(response)).toBe('OAUTH_CODE_REJECTED');
    expect(jar.get(SESSION_COOKIE)).toBeUndefined();
    expect(app.github.store.state.tokens.size).toBe(0);
    expect(app.logs.text()).toContain('"githubError":"bad_verification_code"');
  });

  test('cancelling at GitHub is reported as such', async () => {
    const { jar, authorizeUrl } = await startSignIn(app.url);
    const callbackUrl = await authorizeAtGitHub(authorizeUrl, null);
    const response = await finishSignIn(callbackUrl, jar, { accept: 'text/html' });
    expect(response.headers.get('location')).toBe('/sign-in?error=OAUTH_ACCESS_DENIED');
  });

  test('GitHub failing while reading the profile is a 502, not a half sign-in', async () => {
    const control = await fetch(`${app.github.url}/_emulator/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ path: '/user/emails', status: 503, times: 1 }),
    });
    expect(control.ok).toBe(true);
    const { jar, authorizeUrl } = await startSignIn(app.url);
    const response = await finishSignIn(await authorizeAtGitHub(authorizeUrl), jar);
    expect(response.status).toBe(502);
    expect(await errorCodeOf(response)).toBe('GITHUB_UNAVAILABLE');
    expect(jar.get(SESSION_COOKIE)).toBeUndefined();
  });

  test(
    'GitHub not answering the code exchange or the profile: a 502 within the timeout',
    async () => {
      const slow = await startAuthTestServer(t.db, { githubRequestTimeoutMs: 500 });
      const faults = `${slow.github.url}/_emulator/faults`;
      try {
        for (const path of ['/login/oauth/access_token', '/user']) {
          // A connection that hangs: held for a minute, then closed unanswered.
          const fault = await fetch(faults, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ path, holdMs: 60_000, drop: true, times: 1 }),
          });
          expect(fault.ok).toBe(true);
          const { jar, authorizeUrl } = await startSignIn(slow.url);
          const callbackUrl = await authorizeAtGitHub(authorizeUrl);
          const started = Date.now();
          const response = await finishSignIn(callbackUrl, jar);
          expect(Date.now() - started, path).toBeLessThan(5_000);
          expect(response.status, path).toBe(502);
          expect(await errorCodeOf(response)).toBe('GITHUB_UNAVAILABLE');
          expect(jar.get(SESSION_COOKIE)).toBeUndefined();
          expect(slow.github.store.state.held.map((held) => held.path)).toContain(path);
        }
      } finally {
        await fetch(faults, { method: 'DELETE' });
        await slow.stop();
      }
    },
    scaledTimeout(30_000),
  );

  test('signing in again rotates the session: the previous token stops working', async () => {
    const first = await signIn(app.url);
    const oldToken = first.sessionToken;
    const second = await signIn(app.url, { jar: first.jar });
    expect(second.sessionToken).not.toBe(oldToken);

    const stale = await trpc(app.url, 'auth.me', {
      headers: { cookie: `${SESSION_COOKIE}=${oldToken}` },
    });
    expect(stale.body.result.data.json).toBeNull();
    const fresh = await trpc(app.url, 'auth.me', { jar: second.jar });
    expect(fresh.body.result.data.json.user.login).toBe('octocat');
  });

  test('a flow started on another host name restarts on the PUBLIC_URL host', async () => {
    const port = new URL(app.url).port;
    const response = await fetch(`http://localhost:${port}/auth/github?redirect=%2Faccount`, {
      redirect: 'manual',
    });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(`${app.url}/auth/github?redirect=%2Faccount`);
    expect(response.headers.getSetCookie()).toEqual([]);
  });
});
