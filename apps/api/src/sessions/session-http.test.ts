import { type User, upsertGitHubUser } from '@botsmith/db';
import { describeEachDatabase } from '@botsmith/db/testing';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestServer } from '../testing/test-server';
import { SESSION_IDLE_TIMEOUT_MS } from './session-lifetime';
import { createSession } from './sessions';

const COOKIE = 'botsmith_session';
const DAY = 86_400_000;

describeEachDatabase('sessions over HTTP', (t) => {
  let server: ReturnType<typeof createTestServer>['server'];
  let url: string;
  let user: User;
  beforeAll(async () => {
    ({ server } = createTestServer(t.db));
    url = await server.start();
    user = await upsertGitHubUser(t.db, {
      githubId: 601,
      login: 'http-user',
      name: 'HTTP User',
      avatarUrl: null,
      email: null,
    });
  });
  afterAll(() => server.stop());

  const me = async (token: string) => {
    const response = await fetch(`${url}/trpc/auth.me`, {
      headers: { cookie: `${COOKIE}=${token}` },
    });
    const body = (await response.json()) as { result: { data: { json: unknown } } };
    return { response, me: body.result.data.json as { user: { login: string } } | null };
  };
  const post = (path: string, token: string) =>
    fetch(`${url}/trpc/${path}`, {
      method: 'POST',
      headers: {
        cookie: `${COOKIE}=${token}`,
        'content-type': 'application/json',
        'sec-fetch-site': 'same-origin',
      },
      body: '{}',
    });

  test('a valid session cookie authenticates', async () => {
    const { token } = await createSession(t.db, user.id);
    const result = await me(token);
    expect(result.me?.user.login).toBe('http-user');
    expect(result.response.headers.getSetCookie()).toEqual([]);
  });

  test('an expired session is rejected and its cookie cleared', async () => {
    const { token } = await createSession(
      t.db,
      user.id,
      new Date(Date.now() - SESSION_IDLE_TIMEOUT_MS - 1000),
    );
    const result = await me(token);
    expect(result.me).toBeNull();
    expect(result.response.headers.getSetCookie()).toEqual([
      expect.stringMatching(/^botsmith_session=; Max-Age=0; Path=\/; .*HttpOnly; SameSite=Lax/),
    ]);
    expect((await post('apiToken.create', token)).status).toBe(401);
  });

  test('a session used after half its idle time gets a fresh cookie', async () => {
    const { token } = await createSession(t.db, user.id, new Date(Date.now() - 20 * DAY));
    const result = await me(token);
    expect(result.me?.user.login).toBe('http-user');
    expect(result.response.headers.getSetCookie()).toEqual([
      expect.stringMatching(
        /^botsmith_session=[a-z2-7.]+; Max-Age=259(1999|2000); Path=\/; HttpOnly; SameSite=Lax$/,
      ),
    ]);
  });

  test('logout ends the session server-side: the old cookie no longer works', async () => {
    const { token } = await createSession(t.db, user.id);
    const response = await post('auth.logout', token);
    expect(response.status).toBe(200);
    expect(response.headers.getSetCookie()).toEqual([
      expect.stringMatching(/^botsmith_session=; Max-Age=0/),
    ]);
    expect((await me(token)).me).toBeNull();
    expect((await post('auth.logout', token)).status).toBe(401);
    const activity = await t.db
      .selectFrom('activities')
      .select(['action', 'ip'])
      .where('userId', '=', user.id)
      .where('action', '=', 'auth.sign_out')
      .execute();
    expect(activity).toEqual([{ action: 'auth.sign_out', ip: '127.0.0.1' }]);
  });

  test('logoutAll ends every session of the user, and only theirs', async () => {
    const other = await upsertGitHubUser(t.db, {
      githubId: 602,
      login: 'bystander',
      name: null,
      avatarUrl: null,
      email: null,
    });
    const bystander = await createSession(t.db, other.id);
    const laptop = await createSession(t.db, user.id);
    const phone = await createSession(t.db, user.id);
    const response = await post('auth.logoutAll', laptop.token);
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      result: { data: { json: { sessionsEnded: number } } };
    };
    expect(body.result.data.json.sessionsEnded).toBeGreaterThanOrEqual(2);
    expect((await me(laptop.token)).me).toBeNull();
    expect((await me(phone.token)).me).toBeNull();
    expect((await me(bystander.token)).me?.user.login).toBe('bystander');
  });
});
