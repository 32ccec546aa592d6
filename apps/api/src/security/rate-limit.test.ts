import { upsertGitHubUser } from '@botsmith/db';
import { describeEachDatabase } from '@botsmith/db/testing';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createSession } from '../sessions/sessions';
import { createTestServer } from '../testing/test-server';

describeEachDatabase('rate limits (shared through the database)', (t) => {
  // Two instances on one database, as behind a load balancer.
  let first: ReturnType<typeof createTestServer>['server'];
  let second: ReturnType<typeof createTestServer>['server'];
  let firstUrl: string;
  let secondUrl: string;
  beforeAll(async () => {
    const config = {
      publicUrl: 'http://127.0.0.1:3000',
      rateLimits: { auth: 10, api: 5, webhook: 100 },
      // Trust X-Forwarded-For from the loopback "proxy" so tests can play several clients.
      trustProxy: ['127.0.0.1'],
    };
    ({ server: first } = createTestServer(t.db, config));
    ({ server: second } = createTestServer(t.db, config));
    firstUrl = await first.start();
    secondUrl = await second.start();
  });
  afterAll(async () => {
    await first.stop();
    await second.stop();
  });

  const startSignIn = (url: string, ip: string) =>
    fetch(`${url}/auth/github`, {
      redirect: 'manual',
      headers: { 'x-forwarded-for': ip, host: '127.0.0.1:3000' },
    });

  test('the 11th sign-in attempt in a minute gets 429 with Retry-After, across instances', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 10; attempt += 1) {
      const response = await startSignIn(attempt % 2 === 0 ? firstUrl : secondUrl, '198.51.100.7');
      statuses.push(response.status);
    }
    expect(statuses).toEqual(Array(10).fill(302));

    const eleventh = await startSignIn(firstUrl, '198.51.100.7');
    expect(eleventh.status).toBe(429);
    const retryAfter = Number(eleventh.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(eleventh.headers.get('ratelimit-remaining')).toBe('0');
    expect(await eleventh.json()).toEqual({
      error: { code: 'TOO_MANY_REQUESTS', message: expect.stringMatching(/sign-in/) },
    });
    expect(eleventh.headers.getSetCookie()).toEqual([]);

    // Another address is counted separately.
    expect((await startSignIn(secondUrl, '203.0.113.50')).status).toBe(302);
  });

  test('API requests are counted per user, whatever address they come from', async () => {
    const profile = { name: null, avatarUrl: null, email: null };
    const busy = await upsertGitHubUser(t.db, { ...profile, githubId: 801, login: 'busy' });
    const calm = await upsertGitHubUser(t.db, { ...profile, githubId: 802, login: 'calm' });
    const busyCookie = `botsmith_session=${(await createSession(t.db, busy.id)).token}`;
    const calmCookie = `botsmith_session=${(await createSession(t.db, calm.id)).token}`;
    const call = (cookie: string, ip: string) =>
      fetch(`${firstUrl}/trpc/auth.me`, { headers: { cookie, 'x-forwarded-for': ip } });

    const statuses = [];
    for (let i = 0; i < 6; i += 1) statuses.push((await call(busyCookie, `192.0.2.${i}`)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    expect((await call(calmCookie, '192.0.2.1')).status).toBe(200);
    // Anonymous callers are counted per address.
    expect(
      (
        await fetch(`${secondUrl}/trpc/catalog.get`, {
          headers: { 'x-forwarded-for': '192.0.2.1' },
        })
      ).status,
    ).toBe(200);
  });

  test('each call of a tRPC batch counts against the API limit', async () => {
    const batch = (size: number) => {
      const input = Object.fromEntries(Array.from({ length: size }, (_, i) => [i, { json: null }]));
      return fetch(
        `${firstUrl}/trpc/${Array(size).fill('catalog.get').join(',')}?batch=1&input=${encodeURIComponent(JSON.stringify(input))}`,
        { headers: { 'x-forwarded-for': '192.0.2.77' } },
      );
    };
    const three = await batch(3);
    expect(three.status).toBe(200);
    expect(three.headers.get('ratelimit-remaining')).toBe('2');
    // 3 + 3 > 5: the whole second batch is refused, the way a single request over the limit is.
    const again = await batch(3);
    expect(again.status).toBe(429);
    expect(Number(again.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await again.json()).toEqual({
      error: { code: 'TOO_MANY_REQUESTS', message: expect.stringMatching(/Too many API requests/) },
    });
  });

  test('probes and unknown paths are not limited', async () => {
    for (let i = 0; i < 12; i += 1) {
      expect((await fetch(`${firstUrl}/health`)).status).toBe(200);
    }
    expect(
      (await fetch(`${firstUrl}/auth/unknown`, { headers: { 'x-forwarded-for': '198.51.100.7' } }))
        .status,
    ).toBe(404);
  });
});
