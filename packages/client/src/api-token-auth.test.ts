import { createTestApiUser, serveForSuite } from '@botsmith/api/testing';
import { insertActivity, type User } from '@botsmith/db';
import { describeEachDatabase } from '@botsmith/db/testing';
import { TRPCClientError } from '@trpc/client';
import { beforeAll, expect, test } from 'vitest';
import type { AppRouter } from './app-router';
import { createBotsmithClient } from './create-botsmith-client';

describeEachDatabase('the client authenticated by an API token (Authorization: Bearer)', (t) => {
  const api = serveForSuite(t);
  let alice: User;
  let bob: User;
  let aliceToken: string;
  let bobToken: string;
  let bobTokenId: string;
  beforeAll(async () => {
    ({ user: alice, token: aliceToken } = await createTestApiUser(t.db, {
      login: 'alice',
      githubId: 901,
    }));
    ({
      user: bob,
      token: bobToken,
      tokenId: bobTokenId,
    } = await createTestApiUser(t.db, { login: 'bob', githubId: 902 }));
  });

  test('a token authenticates the client and records its last use', async () => {
    const botsmith = createBotsmithClient({ url: api.url, token: aliceToken });
    const me = await botsmith.auth.me.query();
    expect(me).toMatchObject({ user: { login: 'alice' }, via: 'api_token', session: null });
    const tokens = await botsmith.apiToken.list.query();
    expect(tokens.find((token) => token.name === 'alice-sdk')?.lastUsedAt).toBeInstanceOf(Date);
  });

  test("user A's API token cannot read or change user B's data", async () => {
    const asAlice = createBotsmithClient({ url: api.url, token: aliceToken });
    const names = (await asAlice.apiToken.list.query()).map((token) => token.name);
    expect(names).not.toContain('bob-sdk');
    for (const [user, userAgent] of [
      [alice, 'alices-browser'],
      [bob, 'bobs-browser'],
    ] as const) {
      await insertActivity(t.db, {
        userId: user.id,
        action: 'auth.sign_in',
        ip: '192.0.2.99',
        userAgent,
      });
    }
    const activity = JSON.stringify(await asAlice.activity.list.query());
    expect(activity).toContain('alices-browser');
    expect(activity).not.toContain('bobs-browser');

    const error = await asAlice.apiToken.revoke.mutate({ id: bobTokenId }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCClientError);
    expect((error as TRPCClientError<AppRouter>).data?.code).toBe('NOT_FOUND');
    // Bob's token still works.
    const asBob = createBotsmithClient({ url: api.url, token: bobToken });
    expect((await asBob.auth.me.query())?.user.login).toBe('bob');
  });

  test('a revoked token stops working at once', async () => {
    const { token, tokenId } = await createTestApiUser(t.db, {
      login: 'alice',
      githubId: 901,
      tokenName: 'short-lived',
    });
    const client = createBotsmithClient({ url: api.url, token });
    expect((await client.auth.me.query())?.user.login).toBe('alice');
    await createBotsmithClient({ url: api.url, token: aliceToken }).apiToken.revoke.mutate({
      id: tokenId,
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
