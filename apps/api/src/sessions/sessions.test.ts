import { type User, upsertGitHubUser } from '@botsmith/db';
import { describeEachDatabase } from '@botsmith/db/testing';
import { beforeAll, expect, test } from 'vitest';
import { SESSION_ABSOLUTE_LIFETIME_MS, SESSION_IDLE_TIMEOUT_MS } from './session-lifetime';
import {
  createSession,
  invalidateSession,
  invalidateUserSessions,
  parseSessionToken,
  validateSessionToken,
} from './sessions';

const DAY = 86_400_000;
const T0 = new Date('2026-11-23T12:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

describeEachDatabase('sessions', (t) => {
  let user: User;
  beforeAll(async () => {
    user = await upsertGitHubUser(t.db, {
      githubId: 501,
      login: 'sessions-user',
      name: null,
      avatarUrl: null,
      email: null,
    });
  });

  test('a token is <id>.<secret>; only SHA-256(secret) is stored', async () => {
    const { token, session } = await createSession(t.db, user.id, T0);
    const [id, secret] = token.split('.');
    expect(id).toMatch(/^[a-z2-7]{24}$/);
    expect(secret).toMatch(/^[a-z2-7]{52}$/); // 32 bytes of CSPRNG output
    expect(session.id).toBe(id);
    expect(session.expiresAt).toEqual(at(SESSION_IDLE_TIMEOUT_MS));
    expect(session.absoluteExpiresAt).toEqual(at(SESSION_ABSOLUTE_LIFETIME_MS));
    const row = await t.db
      .selectFrom('sessions')
      .selectAll()
      .where('id', '=', session.id)
      .executeTakeFirstOrThrow();
    expect(row.secretHash).toHaveLength(32);
    expect(Buffer.from(row.secretHash).toString('latin1')).not.toContain(secret);
    expect((await validateSessionToken(t.db, token, at(1000)))?.user.id).toBe(user.id);
  });

  test('forged, malformed and unknown tokens are rejected', async () => {
    const { token } = await createSession(t.db, user.id, T0);
    const [id] = token.split('.');
    const forged = `${id}.${'a'.repeat(52)}`;
    for (const bad of [forged, `${id}`, `${token}.x`, '', 'UPPER.CASE', `nope.${'a'.repeat(52)}`]) {
      expect(await validateSessionToken(t.db, bad, at(1000)), bad).toBeNull();
    }
    expect(parseSessionToken('a.b.c')).toBeNull();
    // The forgery did not end the real session.
    expect(await validateSessionToken(t.db, token, at(1000))).not.toBeNull();
  });

  test('an idle session expires and is deleted', async () => {
    const { token, session } = await createSession(t.db, user.id, T0);
    expect(await validateSessionToken(t.db, token, at(SESSION_IDLE_TIMEOUT_MS))).toBeNull();
    const row = await t.db
      .selectFrom('sessions')
      .select('id')
      .where('id', '=', session.id)
      .executeTakeFirst();
    expect(row).toBeUndefined();
  });

  test('use slides the expiry once half of it is spent, never past the absolute lifetime', async () => {
    const { token } = await createSession(t.db, user.id, T0);
    const early = await validateSessionToken(t.db, token, at(10 * DAY));
    expect(early?.refreshed).toBe(false);
    expect(early?.session.expiresAt).toEqual(at(30 * DAY));

    const late = await validateSessionToken(t.db, token, at(16 * DAY));
    expect(late?.refreshed).toBe(true);
    expect(late?.session.expiresAt).toEqual(at(46 * DAY));
    expect(late?.session.lastSeenAt).toEqual(at(16 * DAY));

    // Used every 20 days it lives until the absolute limit, then ends however active it is.
    let now = 16 * DAY;
    while (now + 20 * DAY < SESSION_ABSOLUTE_LIFETIME_MS) {
      now += 20 * DAY;
      const used = await validateSessionToken(t.db, token, at(now));
      expect(used, `day ${now / DAY}`).not.toBeNull();
      expect(used?.session.expiresAt.getTime()).toBeLessThanOrEqual(
        at(SESSION_ABSOLUTE_LIFETIME_MS).getTime(),
      );
    }
    expect(await validateSessionToken(t.db, token, at(SESSION_ABSOLUTE_LIFETIME_MS))).toBeNull();
  });

  test('signed-out sessions are rejected; sign-out everywhere ends them all', async () => {
    const one = await createSession(t.db, user.id, T0);
    await invalidateSession(t.db, one.session.id);
    expect(await validateSessionToken(t.db, one.token, at(1000))).toBeNull();

    const a = await createSession(t.db, user.id, T0);
    const b = await createSession(t.db, user.id, T0);
    expect(await invalidateUserSessions(t.db, user.id)).toBeGreaterThanOrEqual(2);
    expect(await validateSessionToken(t.db, a.token, at(1000))).toBeNull();
    expect(await validateSessionToken(t.db, b.token, at(1000))).toBeNull();
  });
});
