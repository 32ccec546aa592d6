import { expect } from 'vitest';
import { CookieJar } from './cookie-jar';

// biome-ignore lint/suspicious/noExplicitAny: tests read tRPC's JSON envelopes loosely.
type Json = any;

/** The session cookie's name in tests (not Secure, so no `__Host-` prefix). */
export const SESSION_COOKIE = 'botsmith_session';

function decodeEntities(value: string): string {
  return value
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
}

/** `GET /auth/github`: the redirect to GitHub's authorize page, and the cookies it set. */
export async function startSignIn(
  url: string,
  options: { redirect?: string; jar?: CookieJar } = {},
): Promise<{ jar: CookieJar; response: Response; authorizeUrl: URL }> {
  const jar = options.jar ?? new CookieJar();
  const query =
    options.redirect === undefined ? '' : `?redirect=${encodeURIComponent(options.redirect)}`;
  const response = await fetch(`${url}/auth/github${query}`, {
    redirect: 'manual',
    headers: { cookie: jar.header() },
  });
  jar.store(response);
  expect(response.status, await response.clone().text()).toBe(302);
  return { jar, response, authorizeUrl: new URL(response.headers.get('location') ?? '') };
}

/**
 * What a person does at the emulator's authorize page: press "Authorize as <login>" (or
 * "Cancel"). Returns GitHub's redirect back to our callback.
 */
export async function authorizeAtGitHub(
  authorizeUrl: URL,
  login: string | null = 'octocat',
): Promise<URL> {
  const page = await fetch(authorizeUrl);
  const html = await page.text();
  expect(page.status, html).toBe(200);
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1] ?? '';
  const form = new URLSearchParams();
  for (const match of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    form.set(match[1] ?? '', decodeEntities(match[2] ?? ''));
  }
  if (login === null) form.set('cancel', '1');
  else form.set('login', login);
  const response = await fetch(new URL(action, authorizeUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
    redirect: 'manual',
  });
  expect(response.status).toBe(302);
  return new URL(response.headers.get('location') ?? '');
}

/** Follows GitHub's redirect to our callback with the browser's cookies. */
export async function finishSignIn(
  callbackUrl: URL,
  jar: CookieJar,
  headers: Record<string, string> = {},
): Promise<Response> {
  const response = await fetch(callbackUrl, {
    redirect: 'manual',
    headers: { cookie: jar.header(), 'user-agent': 'botsmith-tests/1.0', ...headers },
  });
  jar.store(response);
  return response;
}

/**
 * The whole web flow as a browser does it. Returns the cookie jar (holding the session) and
 * the session token.
 *
 * @example const { jar, sessionToken } = await signIn(t.url);
 */
export async function signIn(
  url: string,
  options: { login?: string; redirect?: string; jar?: CookieJar } = {},
): Promise<{ jar: CookieJar; sessionToken: string; callback: Response }> {
  const { jar, authorizeUrl } = await startSignIn(url, options);
  const callbackUrl = await authorizeAtGitHub(authorizeUrl, options.login ?? 'octocat');
  const callback = await finishSignIn(callbackUrl, jar);
  expect(callback.status, await callback.clone().text()).toBe(302);
  const sessionToken = jar.get(SESSION_COOKIE);
  if (!sessionToken) throw new Error('the callback set no session cookie');
  return { jar, sessionToken, callback };
}

/** Calls a tRPC procedure over HTTP as the browser does (same-origin fetch metadata). */
export async function trpc(
  url: string,
  path: string,
  options: {
    jar?: CookieJar;
    input?: unknown;
    mutation?: boolean;
    headers?: Record<string, string>;
  } = {},
): Promise<{ status: number; body: Json; response: Response }> {
  const headers: Record<string, string> = {
    'sec-fetch-site': 'same-origin',
    ...(options.jar ? { cookie: options.jar.header() } : {}),
    ...options.headers,
  };
  let response: Response;
  if (options.mutation) {
    response = await fetch(`${url}/trpc/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ json: options.input ?? null }),
    });
  } else {
    const input =
      options.input === undefined
        ? ''
        : `?input=${encodeURIComponent(JSON.stringify({ json: options.input }))}`;
    response = await fetch(`${url}/trpc/${path}${input}`, { headers });
  }
  options.jar?.store(response);
  return { status: response.status, body: await response.clone().json(), response };
}

/** The stable `error.code` of a JSON error response. */
export async function errorCodeOf(response: Response): Promise<string | undefined> {
  const body = (await response.json()) as Json;
  return body?.error?.code;
}
