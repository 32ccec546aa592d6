import { request as httpRequest } from 'node:http';
import { type User, upsertGitHubUser } from '@botsmith/db';
import { describeEachDatabase } from '@botsmith/db/testing';
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { createApiToken } from '../api-tokens/api-tokens';
import { createSession } from '../sessions/sessions';
import { createTestServer } from '../testing/test-server';

const PUBLIC_URL = 'http://127.0.0.1:3000';
const ADMIN_ORIGIN = 'https://admin.example.com';

/** A raw HTTP request: exact control over Origin, Sec-Fetch-Site and the body bytes. */
function send(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      { method: options.method ?? 'POST', headers: options.headers },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => {
          body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** What a cross-site `<form method=post enctype=multipart/form-data>` submits. */
function multipartForm(fields: Record<string, string>): { type: string; body: string } {
  const boundary = '----WebKitFormBoundaryCsrfAttack';
  const parts = Object.entries(fields).map(
    ([name, value]) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  return {
    type: `multipart/form-data; boundary=${boundary}`,
    body: `${parts.join('')}--${boundary}--\r\n`,
  };
}

describeEachDatabase('CSRF: cookie-authenticated requests must be same-origin', (t) => {
  let server: ReturnType<typeof createTestServer>['server'];
  let url: string;
  let user: User;
  let cookie: string;
  beforeAll(async () => {
    ({ server } = createTestServer(t.db, { publicUrl: PUBLIC_URL, corsOrigins: [ADMIN_ORIGIN] }));
    url = await server.start();
    user = await upsertGitHubUser(t.db, {
      githubId: 701,
      login: 'victim',
      name: null,
      avatarUrl: null,
      email: null,
    });
  });
  beforeEach(async () => {
    const { token } = await createSession(t.db, user.id);
    cookie = `botsmith_session=${token}`;
  });
  afterAll(() => server.stop());

  const tokenCount = async () =>
    (await t.db.selectFrom('apiTokens').select('id').where('userId', '=', user.id).execute())
      .length;
  const sessionAlive = async () => {
    const response = await fetch(`${url}/trpc/auth.me`, { headers: { cookie } });
    return (
      ((await response.json()) as { result: { data: { json: unknown } } }).result.data.json !== null
    );
  };

  test('a cross-site HTML form POST (multipart/form-data) cannot run a mutation', async () => {
    const before = await tokenCount();
    const form = multipartForm({ name: 'attacker-token', lifetime: 'never' });
    for (const [site, origin] of [
      ['cross-site', 'https://evil.example'],
      // Another port on the same host is same-site: SameSite=Lax still sends the cookie.
      ['same-site', 'http://127.0.0.1:4010'],
    ]) {
      const response = await send(`${url}/trpc/apiToken.create`, {
        headers: {
          cookie,
          'content-type': form.type,
          origin: origin as string,
          'sec-fetch-site': site as string,
        },
        body: form.body,
      });
      expect(response.status, site).toBe(403);
      expect(JSON.parse(response.body).error.code).toBe('CSRF_REJECTED');
    }
    // urlencoded and text/plain forms, and a form that logs the victim out.
    for (const type of ['application/x-www-form-urlencoded', 'text/plain']) {
      const response = await send(`${url}/trpc/auth.logout`, {
        headers: {
          cookie,
          'content-type': type,
          origin: 'https://evil.example',
          'sec-fetch-site': 'cross-site',
        },
        body: 'x=1',
      });
      expect(response.status, type).toBe(403);
    }
    expect(await tokenCount()).toBe(before);
    expect(await sessionAlive()).toBe(true);
  });

  test('a POST with a foreign Origin, Origin: null, or no browser metadata is refused', async () => {
    const json = { 'content-type': 'application/json' };
    const cases: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { origin: 'http://127.0.0.1:3000.evil.example' },
      {},
      { 'sec-fetch-site': 'same-site' },
      { 'sec-fetch-site': 'none', origin: 'https://evil.example' },
    ];
    for (const headers of cases) {
      const response = await send(`${url}/trpc/auth.logout`, {
        headers: { cookie, ...json, ...headers },
        body: '{}',
      });
      expect(response.status, JSON.stringify(headers)).toBe(403);
    }
    // A POSTed query (allowMethodOverride) is held to the same rule.
    const query = await send(`${url}/trpc/apiToken.list`, {
      headers: { cookie, ...json, origin: 'https://evil.example' },
      body: '{}',
    });
    expect(query.status).toBe(403);
    expect(await sessionAlive()).toBe(true);
  });

  test('same-origin requests, our Origin and allowlisted origins pass', async () => {
    const create = (headers: Record<string, string>, name: string) =>
      send(`${url}/trpc/apiToken.create`, {
        headers: { cookie, 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ json: { name } }),
      });
    expect((await create({ 'sec-fetch-site': 'same-origin' }, 'fetch-metadata')).status).toBe(200);
    expect((await create({ origin: PUBLIC_URL }, 'matching-origin')).status).toBe(200);
    expect(
      (await create({ origin: ADMIN_ORIGIN, 'sec-fetch-site': 'cross-site' }, 'allowlisted'))
        .status,
    ).toBe(200);
  });

  test('requests without the session cookie are not CSRF-checked, but tRPC takes only JSON', async () => {
    const anonymous = await send(`${url}/trpc/generator.preview`, {
      headers: { 'content-type': 'application/json', origin: 'https://elsewhere.example' },
      body: JSON.stringify({ json: {} }),
    });
    expect(anonymous.status).toBe(200);

    const form = multipartForm({ name: 'x' });
    const multipart = await send(`${url}/trpc/apiToken.create`, {
      headers: { 'content-type': form.type, origin: 'https://evil.example' },
      body: form.body,
    });
    expect(multipart.status).toBe(415);
    expect(JSON.parse(multipart.body).error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  test('API tokens need no Origin: browsers never attach them by themselves', async () => {
    const { token } = await createApiToken(t.db, user.id, { name: 'script', expiresAt: null });
    const response = await send(`${url}/trpc/apiToken.list`, {
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(response.status).toBe(200);
  });

  test('GET requests carrying the cookie are fine (they change nothing)', async () => {
    const response = await send(`${url}/trpc/auth.me`, {
      method: 'GET',
      headers: { cookie, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    });
    expect(response.status).toBe(200);
  });
});
