import { createTestApiUser, serveForSuite } from '@botsmith/api/testing';
import { describeEachDatabase } from '@botsmith/db/testing';
import { buildConfigSchema } from '@botsmith/shared';
import { createTRPCClient } from '@trpc/client';
import { beforeAll, expect, test } from 'vitest';
import type { AppRouter } from './app-router';
import { createBotsmithLinks } from './create-botsmith-links';

// The links as the web app uses them (queries as GET), against a real API server.
describeEachDatabase('createBotsmithLinks', (t) => {
  const api = serveForSuite(t);
  let headers: () => Record<string, string>;
  const methods: (string | undefined)[] = [];
  const recordingFetch: typeof fetch = (input, init) => {
    methods.push(init?.method);
    return fetch(input, init);
  };
  beforeAll(async () => {
    const { token } = await createTestApiUser(t.db, { login: 'erin', githubId: 601 });
    headers = () => ({ authorization: `Bearer ${token}` });
  });

  const clientOf = (options: { methodOverride?: 'POST' } = {}) =>
    createTRPCClient<AppRouter>({
      links: createBotsmithLinks({
        url: `${api.url}/trpc`,
        headers,
        fetch: recordingFetch,
        ...options,
      }),
    });

  test('a draft as the web app sends it (superjson, no projectId yet) is saved', async () => {
    const config = buildConfigSchema.parse({ platforms: ['slack'], project: { name: 'web-bot' } });
    const saved = await clientOf().project.saveDraft.mutate({
      projectId: undefined,
      name: config.project.name,
      config,
    });
    expect(saved).toMatchObject({ name: 'web-bot', status: 'draft', config });
    await t.db.deleteFrom('projects').where('id', '=', saved.id).execute();
  });

  test('queries go as GET, or as POST with methodOverride', async () => {
    methods.length = 0;
    await clientOf().catalog.get.query();
    await clientOf({ methodOverride: 'POST' }).catalog.get.query();
    expect(methods).toEqual(['GET', 'POST']);
  });
});
