import { CodeChallengeMethod, generateCodeVerifier, generateState, OAuth2Client } from 'arctic';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { GitHubEmulator } from '../src/index';
import { control, startTestEmulator } from './helpers';

const REDIRECT = 'http://127.0.0.1:5173/auth/github/callback';
const SCOPES = ['read:user', 'user:email', 'repo', 'workflow', 'admin:repo_hook'];

let github: GitHubEmulator;
beforeAll(async () => {
  github = await startTestEmulator();
});
afterAll(() => github.stop());
beforeEach(() => github.store.reset());

function decodeEntities(value: string): string {
  return value
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
}

/** Submits the authorize page's form as a browser would when a button is clicked. */
async function submitForm(html: string, button: [string, string]): Promise<Response> {
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1] as string;
  const form = new URLSearchParams();
  for (const match of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    form.set(match[1] as string, decodeEntities(match[2] as string));
  }
  form.set(...button);
  return fetch(`${github.url}${action}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
    redirect: 'manual',
  });
}

async function authorize(client: OAuth2Client, verifier: string, state: string, login = 'octocat') {
  const url = client.createAuthorizationURLWithPKCE(
    `${github.url}/login/oauth/authorize`,
    state,
    CodeChallengeMethod.S256,
    verifier,
    SCOPES,
  );
  const page = await fetch(url);
  const html = await page.text();
  const response = await submitForm(html, ['login', login]);
  const location = new URL(response.headers.get('location') as string);
  return { page, html, response, location, code: location.searchParams.get('code') as string };
}

describe('OAuth web flow with Arctic OAuth2Client (PKCE S256)', () => {
  const client = new OAuth2Client('botsmith-dev-client', 'botsmith-dev-secret', REDIRECT);
  const tokenEndpoint = () => `${github.url}/login/oauth/access_token`;

  it('authorizes, exchanges the code and calls the API with the token', async () => {
    const state = generateState();
    const verifier = generateCodeVerifier();
    const { page, html, response, location, code } = await authorize(client, verifier, state);

    expect(page.status).toBe(200);
    expect(html).toContain('<title>GitHub emulator — Authorize Botsmith (development)</title>');
    expect(html).toContain('>Authorize as octocat</button>');
    expect(html).toContain('>Authorize as hubot</button>');
    expect(html).toContain('>Cancel</button>');
    for (const scope of SCOPES) expect(html).toContain(`<code>${scope}</code>`);
    expect(response.status).toBe(302);
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT);
    expect(location.searchParams.get('state')).toBe(state);
    expect(code).toMatch(/^[0-9a-f]{20}$/);

    const tokens = await client.validateAuthorizationCode(tokenEndpoint(), code, verifier);
    expect(tokens.data).toEqual({
      access_token: expect.stringMatching(/^gho_[A-Za-z0-9]{36}$/),
      token_type: 'bearer',
      scope: SCOPES.join(','),
    });

    const user = await fetch(`${github.url}/api/v3/user`, {
      headers: { authorization: `Bearer ${tokens.accessToken()}` },
    });
    expect(user.status).toBe(200);
    expect(user.headers.get('x-oauth-scopes')).toBe(SCOPES.join(', '));
    expect(await user.json()).toMatchObject({ login: 'octocat', id: 583231, name: 'The Octocat' });
  });

  it('answers a wrong verifier, a reused code and a wrong secret with HTTP 200 and an error', async () => {
    const verifier = generateCodeVerifier();
    const first = await authorize(client, verifier, generateState());
    const wrong = await client.validateAuthorizationCode(
      tokenEndpoint(),
      first.code,
      generateCodeVerifier(),
    );
    expect(wrong.data).toMatchObject({ error: 'bad_verification_code' });
    expect(() => wrong.accessToken()).toThrow();

    const second = await authorize(client, verifier, generateState());
    const ok = await client.validateAuthorizationCode(tokenEndpoint(), second.code, verifier);
    expect(ok.accessToken()).toMatch(/^gho_/);
    const reused = await client.validateAuthorizationCode(tokenEndpoint(), second.code, verifier);
    expect(reused.data).toMatchObject({
      error: 'bad_verification_code',
      error_description: 'The code passed is incorrect or expired.',
      error_uri: expect.stringContaining('bad-verification-code'),
    });

    const third = await authorize(client, verifier, generateState());
    const impostor = new OAuth2Client('botsmith-dev-client', 'not-the-secret', REDIRECT);
    const bad = await impostor.validateAuthorizationCode(tokenEndpoint(), third.code, verifier);
    expect(bad.data).toMatchObject({ error: 'incorrect_client_credentials' });
  });

  it('rejects a redirect_uri that differs from the one used at authorize', async () => {
    const verifier = generateCodeVerifier();
    const { code } = await authorize(client, verifier, generateState());
    const other = new OAuth2Client(
      'botsmith-dev-client',
      'botsmith-dev-secret',
      'http://127.0.0.1:5173/elsewhere',
    );
    const result = await other.validateAuthorizationCode(tokenEndpoint(), code, verifier);
    expect(result.data).toMatchObject({ error: 'redirect_uri_mismatch' });
  });

  it('accepts client credentials in the body and answers urlencoded without Accept: json', async () => {
    const verifier = generateCodeVerifier();
    const { code } = await authorize(client, verifier, generateState(), 'hubot');
    const response = await fetch(tokenEndpoint(), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        client_id: 'botsmith-dev-client',
        client_secret: 'botsmith-dev-secret',
        code,
        redirect_uri: REDIRECT,
        code_verifier: verifier,
      }).toString(),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/x-www-form-urlencoded');
    const params = new URLSearchParams(await response.text());
    expect(params.get('access_token')).toMatch(/^gho_/);
    expect(params.get('token_type')).toBe('bearer');
    const { body } = await control<{ tokens: { token: string; login: string }[] }>(
      github,
      'GET',
      '/_emulator/state',
    );
    expect(body.tokens.find((t) => t.token === params.get('access_token'))?.login).toBe('hubot');
  });

  it('redirects back with access_denied when the user cancels', async () => {
    const state = generateState();
    const url = client.createAuthorizationURLWithPKCE(
      `${github.url}/login/oauth/authorize`,
      state,
      CodeChallengeMethod.S256,
      generateCodeVerifier(),
      SCOPES,
    );
    const html = await (await fetch(url)).text();
    const response = await submitForm(html, ['cancel', '1']);
    const location = new URL(response.headers.get('location') as string);
    expect(response.status).toBe(302);
    expect(location.searchParams.get('error')).toBe('access_denied');
    expect(location.searchParams.get('error_description')).toBeTruthy();
    expect(location.searchParams.get('state')).toBe(state);
  });

  it('shows an error page instead of redirecting for an unknown app or foreign redirect_uri', async () => {
    const unknown = await fetch(
      `${github.url}/login/oauth/authorize?client_id=nope&redirect_uri=${REDIRECT}`,
      {
        redirect: 'manual',
      },
    );
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toContain('text/html');
    const foreign = await fetch(
      `${github.url}/login/oauth/authorize?client_id=botsmith-dev-client&redirect_uri=${encodeURIComponent('https://evil.example/cb')}`,
      { redirect: 'manual' },
    );
    expect(foreign.status).toBe(400);
    expect(foreign.headers.get('location')).toBeNull();
    expect(await foreign.text()).toContain('not associated with this application');
  });

  it('registers more OAuth apps through the control API', async () => {
    const created = await control(github, 'POST', '/_emulator/clients', {
      client_id: 'other-app',
      client_secret: 'other-secret',
      name: 'Other',
      callback_url: 'http://localhost:3000/callback',
    });
    expect(created.status).toBe(201);
    const custom = new OAuth2Client(
      'other-app',
      'other-secret',
      'http://localhost:3000/callback/nested',
    );
    const verifier = generateCodeVerifier();
    const { code } = await authorize(custom, verifier, generateState());
    const tokens = await custom.validateAuthorizationCode(tokenEndpoint(), code, verifier);
    expect(tokens.accessToken()).toMatch(/^gho_/);
  });

  it('answers 401 Bad credentials for unknown and revoked tokens', async () => {
    const { body } = await control<{ token: string }>(github, 'POST', '/_emulator/tokens', {
      login: 'octocat',
      scopes: ['read:user'],
    });
    const ok = await fetch(`${github.url}/user`, {
      headers: { authorization: `token ${body.token}` },
    });
    expect(ok.status).toBe(200);
    expect((await control(github, 'DELETE', `/_emulator/tokens/${body.token}`)).status).toBe(204);
    const revoked = await fetch(`${github.url}/user`, {
      headers: { authorization: `token ${body.token}` },
    });
    expect(revoked.status).toBe(401);
    expect(await revoked.json()).toEqual({
      message: 'Bad credentials',
      documentation_url: 'https://docs.github.com/rest',
      status: '401',
    });
  });
});
