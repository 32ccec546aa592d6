import { describeEachDatabase } from '@botsmith/db/testing';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type AuthTestServer, startAuthTestServer } from '../testing/auth-test-server';
import {
  authorizeAtGitHub,
  finishSignIn,
  SESSION_COOKIE,
  startSignIn,
  trpc,
} from '../testing/sign-in-flow';

describeEachDatabase('secrets never reach the logs', (t) => {
  let app: AuthTestServer;
  beforeAll(async () => {
    // The most verbose level: whatever any code logs, it shows up here.
    app = await startAuthTestServer(t.db, { logLevel: 'trace' });
  });
  afterAll(() => app.stop());

  test('a full sign-in, token creation, SDK use, failure and sign-out log no secret', async () => {
    // A failed attempt first: its code and state end up in an error path.
    const failed = await startSignIn(app.url);
    const failedCallback = await authorizeAtGitHub(failed.authorizeUrl);
    failed.jar.set('botsmith_oauth_verifier', 'w'.repeat(43));
    expect((await finishSignIn(failedCallback, failed.jar)).status).toBe(400);

    // GitHub failing mid-way: the error path logs the Octokit error.
    await fetch(`${app.github.url}/_emulator/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ path: '/user', status: 500, times: 1 }),
    });
    const broken = await startSignIn(app.url);
    const brokenCallback = await authorizeAtGitHub(broken.authorizeUrl);
    expect((await finishSignIn(brokenCallback, broken.jar)).status).toBe(502);
    const brokenAccessToken = [...app.github.store.state.tokens.values()].at(-1)?.token ?? '';

    const { jar, authorizeUrl } = await startSignIn(app.url, { redirect: '/account' });
    const state = jar.get('botsmith_oauth_state') ?? '';
    const verifier = jar.get('botsmith_oauth_verifier') ?? '';
    const callbackUrl = await authorizeAtGitHub(authorizeUrl);
    const code = callbackUrl.searchParams.get('code') ?? '';
    expect((await finishSignIn(callbackUrl, jar)).status).toBe(302);
    const sessionToken = jar.get(SESSION_COOKIE) ?? '';
    const accessToken = [...app.github.store.state.tokens.values()].at(-1)?.token ?? '';

    const created = await trpc(app.url, 'apiToken.create', {
      jar,
      mutation: true,
      input: { name: 'logs' },
    });
    const apiToken: string = created.body.result.data.json.token;
    // As a script calls the API (the client package's tests cover the client itself).
    const bearer = { authorization: `Bearer ${apiToken}` };
    expect((await trpc(app.url, 'apiToken.list', { headers: bearer })).status).toBe(200);
    expect((await trpc(app.url, 'auth.me', { headers: bearer })).status).toBe(200);
    await trpc(app.url, 'auth.logout', { jar, mutation: true });

    const secrets = {
      accessToken,
      sessionToken,
      sessionSecret: sessionToken.split('.')[1] ?? '',
      apiToken,
      apiTokenSecret: apiToken.split('_')[2] ?? '',
      clientSecret: app.githubConfig.clientSecret,
      code,
      failedCode: failedCallback.searchParams.get('code') ?? '',
      brokenAccessToken,
      state,
      verifier,
    };
    for (const [name, value] of Object.entries(secrets)) expect(value, name).toMatch(/.{8,}/);

    const text = app.logs.text();
    expect(app.logs.lines.length).toBeGreaterThan(10);
    expect(text).toContain('signed in with GitHub');
    expect(text).toContain('sign-in with GitHub failed');
    expect(text).toContain('/auth/github/callback');
    for (const [name, value] of Object.entries(secrets)) {
      expect(text.includes(value), `${name} appears in the logs`).toBe(false);
    }
  });
});
