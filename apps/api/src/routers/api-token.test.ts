import { insertActivity, type User, upsertGitHubUser } from '@botsmith/db';
import { describeEachDatabase } from '@botsmith/db/testing';
import { TRPCClientError } from '@trpc/client';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApiToken, parseApiToken, validateApiToken } from '../api-tokens/api-tokens';
import type { RequestAuth } from '../auth/request-auth';
import { createBotsmithClient } from '../sdk/create-botsmith-client';
import { createSession } from '../sessions/sessions';
import { createTestCaller, createTestServer } from '../testing/test-server';
import type { AppRouter } from '../trpc/app-router';

async function sessionAuth(
  db: Parameters<typeof createSession>[0],
  user: User,
): Promise<RequestAuth> {
  const { session } = await createSession(db, user.id);
  return { kind: 'session', user, session };
}

describeEachDatabase('apiToken router', (t) => {
  let alice: User;
  let bob: User;
  beforeAll(async () => {
    const profile = { name: null, avatarUrl: null, email: null };
    alice = await upsertGitHubUser(t.db, { ...profile, githubId: 901, login: 'alice' });
    bob = await upsertGitHubUser(t.db, { ...profile, githubId: 902, login: 'bob' });
  });

  test('create shows the token once; list shows name and times, never the secret', async () => {
    const caller = createTestCaller(t.db, await sessionAuth(t.db, alice));
    const created = await caller.apiToken.create({ name: '  deploy script  ', lifetime: '30d' });
    expect(created.token).toMatch(/^bsm_[a-z2-7]{24}_[a-z2-7]{52}$/);
    expect(created.apiToken).toMatchObject({ name: 'deploy script', lastUsedAt: null });
    expect(created.apiToken.expiresAt?.getTime()).toBeCloseTo(Date.now() + 30 * 86_400_000, -4);

    const listed = await caller.apiToken.list();
    expect(listed).toContainEqual(created.apiToken);
    expect(JSON.stringify(listed)).not.toContain(parseApiToken(created.token)?.secret);

    const row = await t.db
      .selectFrom('apiTokens')
      .selectAll()
      .where('id', '=', created.apiToken.id)
      .executeTakeFirstOrThrow();
    expect(row.secretHash).toHaveLength(32);
    expect(Buffer.from(row.secretHash).toString('latin1')).not.toContain(
      parseApiToken(created.token)?.secret,
    );

    const activity = await caller.activity.list();
    expect(activity[0]).toMatchObject({
      action: 'api_token.created',
      metadata: { name: 'deploy script' },
    });
  });

  test('inputs are validated with the shared schema', async () => {
    const caller = createTestCaller(t.db, await sessionAuth(t.db, alice));
    for (const name of ['', ' ', 'x'.repeat(81), 'bad\u0007name']) {
      const error = await caller.apiToken.create({ name }).catch((e: unknown) => e);
      expect(error, JSON.stringify(name)).toBeInstanceOf(TRPCError);
      expect((error as TRPCError).code).toBe('BAD_REQUEST');
    }
  });

  test('signed-out callers get UNAUTHORIZED; API tokens cannot mint tokens', async () => {
    const anonymous = createTestCaller(t.db);
    await expect(anonymous.apiToken.list()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(anonymous.auth.me()).resolves.toBeNull();
    const viaToken = createTestCaller(t.db, { kind: 'api_token', user: alice, tokenId: 'x' });
    await expect(viaToken.apiToken.create({ name: 'more' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(viaToken.auth.logout()).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  test('expired tokens are rejected', async () => {
    const { token } = await createApiToken(t.db, alice.id, {
      name: 'old',
      expiresAt: new Date(Date.now() - 1000),
    });
    expect(await validateApiToken(t.db, token)).toBeNull();
    const { token: forged } = await createApiToken(t.db, alice.id, {
      name: 'real',
      expiresAt: null,
    });
    expect(await validateApiToken(t.db, `${forged.slice(0, -4)}aaaa`)).toBeNull();
    expect(await validateApiToken(t.db, forged)).not.toBeNull();
  });

  describe('over HTTP with the SDK (Authorization: Bearer)', () => {
    let server: ReturnType<typeof createTestServer>['server'];
    let url: string;
    let aliceToken: string;
    let bobToken: string;
    let bobTokenId: string;
    beforeAll(async () => {
      ({ server } = createTestServer(t.db));
      url = await server.start();
      aliceToken = (await createApiToken(t.db, alice.id, { name: 'alice-sdk', expiresAt: null }))
        .token;
      const bobs = await createApiToken(t.db, bob.id, { name: 'bob-sdk', expiresAt: null });
      bobToken = bobs.token;
      bobTokenId = bobs.summary.id;
    });
    afterAll(() => server.stop());

    test('a token authenticates the SDK and records its last use', async () => {
      const botsmith = createBotsmithClient({ url, token: aliceToken });
      const me = await botsmith.auth.me.query();
      expect(me).toMatchObject({ user: { login: 'alice' }, via: 'api_token', session: null });
      const tokens = await botsmith.apiToken.list.query();
      expect(tokens.find((token) => token.name === 'alice-sdk')?.lastUsedAt).toBeInstanceOf(Date);
    });

    test("user A's API token cannot read or change user B's data", async () => {
      const asAlice = createBotsmithClient({ url, token: aliceToken });
      const names = (await asAlice.apiToken.list.query()).map((token) => token.name);
      expect(names).not.toContain('bob-sdk');
      await insertActivity(t.db, {
        userId: bob.id,
        action: 'auth.sign_in',
        ip: '192.0.2.99',
        userAgent: 'bobs-browser',
      });
      const activity = await asAlice.activity.list.query();
      expect(activity.length).toBeGreaterThan(0);
      expect(JSON.stringify(activity)).not.toContain('bobs-browser');

      const error = await asAlice.apiToken.revoke
        .mutate({ id: bobTokenId })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TRPCClientError);
      expect((error as TRPCClientError<AppRouter>).data?.code).toBe('NOT_FOUND');
      // Bob's token still works.
      const asBob = createBotsmithClient({ url, token: bobToken });
      expect((await asBob.auth.me.query())?.user.login).toBe('bob');
    });

    test('a revoked token stops working at once', async () => {
      const { token, summary } = await createApiToken(t.db, alice.id, {
        name: 'short-lived',
        expiresAt: null,
      });
      const client = createBotsmithClient({ url, token });
      expect((await client.auth.me.query())?.user.login).toBe('alice');
      await createBotsmithClient({ url, token: aliceToken }).apiToken.revoke.mutate({
        id: summary.id,
      });
      const error = await client.apiToken.list.query().catch((e: unknown) => e);
      expect((error as TRPCClientError<AppRouter>).data?.httpStatus).toBe(401);
      expect((error as TRPCClientError<AppRouter>).message).toBe(
        'The API token is invalid, expired or revoked.',
      );
      // A bad bearer token never falls back to anonymous for protected procedures, and public
      // ones still answer.
      expect(await client.auth.me.query()).toBeNull();
    });
  });
});
