import { type User, upsertGitHubUser } from '@botsmith/db';
import { describeEachDatabase } from '@botsmith/db/testing';
import { TRPCError } from '@trpc/server';
import { beforeAll, expect, test } from 'vitest';
import { createApiToken, parseApiToken, validateApiToken } from '../api-tokens/api-tokens';
import type { RequestAuth } from '../auth/request-auth';
import { createSession } from '../sessions/sessions';
import { createTestCaller } from '../testing/test-server';

async function sessionAuth(
  db: Parameters<typeof createSession>[0],
  user: User,
): Promise<RequestAuth> {
  const { session } = await createSession(db, user.id);
  return { kind: 'session', user, session };
}

describeEachDatabase('apiToken router', (t) => {
  let alice: User;
  beforeAll(async () => {
    const profile = { name: null, avatarUrl: null, email: null };
    alice = await upsertGitHubUser(t.db, { ...profile, githubId: 901, login: 'alice' });
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
});
