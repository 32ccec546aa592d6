import { randomUUID } from 'node:crypto';
import { insertSetupRun, setSetupRunStatus, type User } from '@botsmith/db';
import { describeEachDatabase } from '@botsmith/db/testing';
import { scaledTimeout } from '@botsmith/test-kit';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { createSession } from '../sessions/sessions';
import { createTestCaller, createTestServer } from '../testing/test-server';
import { testUser } from '../testing/webhook-fixtures';
import { MAX_SUBSCRIPTIONS_PER_USER, openSubscriptionCount } from './subscription-procedure';

/** Until the server has released (or taken) the user's slots. */
const slotsBecome = (user: User, count: number) =>
  vi.waitFor(() => expect(openSubscriptionCount(user.id)).toBe(count), {
    timeout: scaledTimeout(10_000),
    interval: 20,
  });

describeEachDatabase('concurrent subscriptions per user (real HTTP, SSE)', (t) => {
  let server: ReturnType<typeof createTestServer>['server'];
  let url: string;
  let user: User;
  let cookie: string;
  let runningRunId: string;
  let finishedRunId: string;
  beforeAll(async () => {
    ({ server } = createTestServer(t.db));
    url = await server.start();
    user = await testUser(t.db, 9501, 'streamer');
    cookie = `botsmith_session=${(await createSession(t.db, user.id)).token}`;
    const project = await t.db
      .insertInto('projects')
      .values({ ownerId: user.id, name: 'streamed', config: '{}', configSchemaVersion: 1 })
      .returning('id')
      .executeTakeFirstOrThrow();
    const run = (name: string) =>
      insertSetupRun(t.db, {
        projectId: project.id,
        userId: user.id,
        repoOwner: 'streamer',
        repoName: name,
        visibility: 'private',
        plan: {},
        steps: [{ name: 'github:repo:create', skipped: false }],
      });
    runningRunId = (await run('running')).id;
    finishedRunId = (await run('finished')).id;
    await setSetupRunStatus(t.db, finishedRunId, 'succeeded', { completed: true });
  });
  afterAll(() => server.stop());

  const open = (path: string, input: unknown, signal?: AbortSignal) =>
    fetch(`${url}/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`, {
      headers: { cookie, accept: 'text/event-stream' },
      ...(signal ? { signal } : {}),
    });
  const changes = (signal?: AbortSignal) => open('deployment.changes', {}, signal);
  const progress = (runId: string, signal?: AbortSignal) =>
    open('setupRun.progress', { runId }, signal);

  test(
    `the ${MAX_SUBSCRIPTIONS_PER_USER + 1}th stream, of either kind, is refused; a closed one frees its slot`,
    async () => {
      const held: AbortController[] = [];
      for (let index = 0; index < MAX_SUBSCRIPTIONS_PER_USER; index += 1) {
        const controller = new AbortController();
        held.push(controller);
        const response =
          index % 2
            ? await changes(controller.signal)
            : await progress(runningRunId, controller.signal);
        expect(response.status).toBe(200);
      }
      await slotsBecome(user, MAX_SUBSCRIPTIONS_PER_USER);

      for (const refused of [await changes(), await progress(runningRunId)]) {
        const text = await refused.text();
        expect(text).toContain('"code":"TOO_MANY_REQUESTS"');
        expect(text).toContain(`You already have ${MAX_SUBSCRIPTIONS_PER_USER} live updates open`);
      }
      expect(openSubscriptionCount(user.id)).toBe(MAX_SUBSCRIPTIONS_PER_USER);

      // The client goes away (a tab closes): its slot comes back, and another stream may open.
      held.shift()?.abort();
      await slotsBecome(user, MAX_SUBSCRIPTIONS_PER_USER - 1);
      const again = new AbortController();
      held.push(again);
      expect((await changes(again.signal)).status).toBe(200);
      await slotsBecome(user, MAX_SUBSCRIPTIONS_PER_USER);

      for (const controller of held) controller.abort();
      await slotsBecome(user, 0);
    },
    scaledTimeout(30_000),
  );

  test(
    'a stream that ends by itself or with an error gives its slot back',
    async () => {
      for (let round = 0; round <= MAX_SUBSCRIPTIONS_PER_USER; round += 1) {
        // A finished run: one snapshot, then the stream ends normally.
        const finished = await (await progress(finishedRunId)).text();
        expect(finished).toContain('"status":"succeeded"');
        expect(finished).toContain('event: return');
        // Somebody else's or no run: NOT_FOUND in the stream, which then ends.
        expect(await (await progress(randomUUID())).text()).toContain('"code":"NOT_FOUND"');
      }
      await slotsBecome(user, 0);
    },
    scaledTimeout(30_000),
  );

  test('server-side callers: the cap holds, and ending the iteration releases the slot', async () => {
    const caller = createTestCaller(t.db, { kind: 'api_token', user, tokenId: 'sdk' });
    const streams = [];
    for (let index = 0; index < MAX_SUBSCRIPTIONS_PER_USER; index += 1) {
      streams.push((await caller.deployment.changes({}))[Symbol.asyncIterator]());
    }
    await expect(caller.setupRun.progress({ runId: runningRunId })).rejects.toMatchObject({
      code: 'TOO_MANY_REQUESTS',
    });
    await streams.pop()?.return?.(undefined);
    expect(openSubscriptionCount(user.id)).toBe(MAX_SUBSCRIPTIONS_PER_USER - 1);
    // A stream that was never read is released by `return()` as well.
    for (const stream of streams) await stream.return?.(undefined);
    expect(openSubscriptionCount(user.id)).toBe(0);
  });

  test('the cap is per user', async () => {
    const other = await testUser(t.db, 9502, 'other-streamer');
    const mine = createTestCaller(t.db, { kind: 'api_token', user, tokenId: 'a' });
    const theirs = createTestCaller(t.db, { kind: 'api_token', user: other, tokenId: 'b' });
    const streams = [];
    for (let index = 0; index < MAX_SUBSCRIPTIONS_PER_USER; index += 1) {
      streams.push((await mine.deployment.changes({}))[Symbol.asyncIterator]());
    }
    const stream = (await theirs.deployment.changes({}))[Symbol.asyncIterator]();
    expect(openSubscriptionCount(other.id)).toBe(1);
    await stream.return?.(undefined);
    for (const mineStream of streams) await mineStream.return?.(undefined);
    expect(openSubscriptionCount(user.id)).toBe(0);
    expect(openSubscriptionCount(other.id)).toBe(0);
  });
});
