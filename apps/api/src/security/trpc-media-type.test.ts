import { describeEachDatabase } from '@botsmith/db/testing';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestServer } from '../testing/test-server';

describeEachDatabase('only JSON bodies reach tRPC', (t) => {
  let server: ReturnType<typeof createTestServer>['server'];
  let url: string;
  beforeAll(async () => {
    ({ server } = createTestServer(t.db));
    url = await server.start();
  });
  afterAll(() => server.stop());

  const form = () => {
    const body = new FormData();
    body.set('platforms', 'discord');
    return body;
  };

  // `%74` is `t`: the router decodes it and still routes the request to tRPC.
  test.each([
    '/trpc/generator.preview',
    '/%74rpc/generator.preview',
    '/%74%72%70%63/generator.preview',
  ])('%s refuses multipart, urlencoded and text/plain bodies with 415', async (path) => {
    const bodies: [string, RequestInit][] = [
      ['multipart', { body: form() }],
      ['urlencoded', { body: new URLSearchParams({ platforms: 'discord' }) }],
      ['text/plain', { body: '{"json":{}}', headers: { 'content-type': 'text/plain' } }],
    ];
    for (const [kind, init] of bodies) {
      const response = await fetch(`${url}${path}`, { method: 'POST', ...init });
      expect(response.status, kind).toBe(415);
      expect(await response.json(), kind).toEqual({
        error: {
          code: 'UNSUPPORTED_MEDIA_TYPE',
          message: expect.stringMatching(/application\/json/),
        },
      });
    }
  });

  test('JSON still passes, whichever way the path is spelled', async () => {
    for (const path of ['/trpc/generator.preview', '/%74rpc/generator.preview']) {
      const response = await fetch(`${url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ json: {} }),
      });
      expect(response.status, path).toBe(200);
    }
  });
});
