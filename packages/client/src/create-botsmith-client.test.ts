import { createTestApiUser, serveForSuite } from '@botsmith/api/testing';
import { describeEachDatabase } from '@botsmith/db/testing';
import { GENERATOR_VERSION } from '@botsmith/generators';
import { BUILD_CONFIG_SCHEMA_VERSION, MAX_BATCH_SIZE } from '@botsmith/shared';
import { TRPCClientError } from '@trpc/client';
import { beforeAll, expect, test } from 'vitest';
import type { AppRouter } from './app-router';
import { createBotsmithClient } from './create-botsmith-client';

// Against a real API server on a socket, as a script reaches it.
describeEachDatabase('createBotsmithClient', (t) => {
  const api = serveForSuite(t);
  let token: string;
  // What the client sent, seen through the `fetch` it was given.
  const trpcRequests: { method: string | undefined; authorization: string | null }[] = [];
  const recordingFetch: typeof fetch = (input, init) => {
    trpcRequests.push({
      method: init?.method,
      authorization: new Headers(init?.headers).get('authorization'),
    });
    return fetch(input, init);
  };
  beforeAll(async () => {
    ({ token } = await createTestApiUser(t.db, { login: 'carol', githubId: 801 }));
  });

  test('calls procedures through /trpc, batched, as POST, with the bearer token', async () => {
    trpcRequests.length = 0;
    const botsmith = createBotsmithClient({ url: api.url, token, fetch: recordingFetch });
    const [catalog, preview] = await Promise.all([
      botsmith.catalog.get.query(),
      botsmith.generator.preview.query({
        project: { name: 'sdk-bot' },
        // Long enough that a GET URL would be unwieldy: the client POSTs queries.
        ai: { systemPrompt: 'Be helpful. '.repeat(150) },
      }),
    ]);
    expect(catalog.schemaVersion).toBe(BUILD_CONFIG_SCHEMA_VERSION);
    expect(preview.generatorVersion).toBe(GENERATOR_VERSION);
    expect(preview.files.some((file) => file.path === 'package.json')).toBe(true);
    expect(trpcRequests).toEqual([{ method: 'POST', authorization: `Bearer ${token}` }]);
  });

  test(`splits batches at ${MAX_BATCH_SIZE} calls, the most the server takes`, async () => {
    trpcRequests.length = 0;
    const botsmith = createBotsmithClient({ url: api.url, fetch: recordingFetch });
    const calls = 2 * MAX_BATCH_SIZE + 1;
    const catalogs = await Promise.all(
      Array.from({ length: calls }, () => botsmith.catalog.get.query()),
    );
    expect(catalogs.map((catalog) => catalog.schemaVersion)).toEqual(
      Array(calls).fill(BUILD_CONFIG_SCHEMA_VERSION),
    );
    expect(trpcRequests).toHaveLength(3);
  });

  test('takes the tRPC endpoint itself as well as the server origin', async () => {
    const botsmith = createBotsmithClient({ url: `${api.url}/trpc`, token });
    expect((await botsmith.auth.me.query())?.user.login).toBe('carol');
  });

  test('surfaces configIssues on invalid input', async () => {
    const botsmith = createBotsmithClient({ url: api.url });
    const error = await botsmith.generator.preview.query({ platforms: [] }).then(
      () => expect.unreachable('the query should fail'),
      (e: unknown) => e as TRPCClientError<AppRouter>,
    );
    expect(error).toBeInstanceOf(TRPCClientError);
    expect(error.data?.code).toBe('BAD_REQUEST');
    expect(error.data?.httpStatus).toBe(400);
    expect(error.data?.configIssues).toEqual([
      { path: 'platforms', message: 'choose at least one platform', step: 1 },
    ]);
  });
});
