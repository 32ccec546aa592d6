import { migrateToLatest } from '@botsmith/db';
import { describeEachDatabase } from '@botsmith/db/testing';
import { BUILD_CONFIG_SCHEMA_VERSION } from '@botsmith/shared';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { BODY_LIMIT_BYTES } from './server';
import { type CapturedLogs, createTestServer } from './testing/test-server';

describeEachDatabase(
  'HTTP server (inject)',
  (t) => {
    let server: ReturnType<typeof createTestServer>['server'];
    let logs: CapturedLogs;
    beforeAll(() => {
      ({ server, logs } = createTestServer(t.db));
    });
    afterAll(() => server.stop());

    test('GET /health answers ok', async () => {
      const response = await server.app.inject('/health');
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ status: 'ok' });
    });

    test('GET /ready is 503 before migrations and 200 after', async () => {
      const before = await server.app.inject('/ready');
      expect(before.statusCode).toBe(503);
      expect(before.json()).toEqual({ status: 'not_ready', reason: 'migrations_pending' });

      await migrateToLatest(t.db);
      const after = await server.app.inject('/ready');
      expect(after.statusCode).toBe(200);
      expect(after.json()).toEqual({ status: 'ready' });
    });

    test('echoes a sane x-request-id and replaces anything else with a UUID', async () => {
      const echoed = await server.app.inject({
        url: '/trpc/catalog.get',
        headers: { 'x-request-id': 'edge-1234.abc' },
      });
      expect(echoed.headers['x-request-id']).toBe('edge-1234.abc');

      const forged = await server.app.inject({
        url: '/trpc/catalog.get',
        headers: { 'x-request-id': 'two words\n{"level":60}' },
      });
      expect(forged.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      const ids = logs.lines.map((line) => line.requestId);
      expect(ids).toContain('edge-1234.abc');
      expect(ids).toContain(forged.headers['x-request-id']);
    });

    test('unknown routes are 404 JSON errors', async () => {
      const response = await server.app.inject('/api/nope?secret=1');
      expect(response.statusCode).toBe(404);
      expect(response.json()).toEqual({
        error: { code: 'NOT_FOUND', message: 'No route for GET /api/nope' },
      });
    });

    test('bodies over the limit get 413, wrong media types 415, bad JSON 400', async () => {
      const tooLarge = await server.app.inject({
        method: 'POST',
        url: '/api/download',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ config: { padding: 'x'.repeat(BODY_LIMIT_BYTES) } }),
      });
      expect(tooLarge.statusCode).toBe(413);
      expect(tooLarge.json().error.code).toBe('PAYLOAD_TOO_LARGE');

      const wrongType = await server.app.inject({
        method: 'POST',
        url: '/api/download',
        headers: { 'content-type': 'text/csv' },
        payload: 'a,b',
      });
      expect(wrongType.statusCode).toBe(415);
      expect(wrongType.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');

      const badJson = await server.app.inject({
        method: 'POST',
        url: '/api/download',
        headers: { 'content-type': 'application/json' },
        payload: '{"config":',
      });
      expect(badJson.statusCode).toBe(400);
      expect(badJson.json().error.code).toBe('BAD_REQUEST');
    });

    test('tRPC answers at /trpc with superjson envelopes', async () => {
      const response = await server.app.inject('/trpc/catalog.get');
      expect(response.statusCode).toBe(200);
      const body = response.json();
      expect(body.result.data.json.schemaVersion).toBe(BUILD_CONFIG_SCHEMA_VERSION);
      expect(body.result.data.json.steps).toHaveLength(8);
    });

    test('tRPC input errors carry configIssues naming each field, and no stack', async () => {
      const input = encodeURIComponent(JSON.stringify({ json: { project: { name: 'Bad Name' } } }));
      const response = await server.app.inject(`/trpc/generator.preview?input=${input}`);
      expect(response.statusCode).toBe(400);
      const { error } = response.json();
      expect(error.json.data.code).toBe('BAD_REQUEST');
      expect(error.json.data.stack).toBeUndefined();
      expect(error.json.data.configIssues).toEqual([
        expect.objectContaining({ path: 'project.name', step: 4 }),
      ]);
    });

    test('never logs credentials, cookies, bodies or query strings', async () => {
      await server.app.inject({
        method: 'POST',
        url: '/api/download?code=oauth-code-secret',
        headers: {
          authorization: 'Bearer token-secret-123',
          cookie: 'session=cookie-secret-456',
          'content-type': 'application/json',
        },
        payload: JSON.stringify({ config: { project: { displayName: 'body-secret-789' } } }),
      });
      const text = logs.text();
      expect(text).toContain('/api/download');
      for (const secret of ['token-secret', 'cookie-secret', 'body-secret', 'oauth-code']) {
        expect(text).not.toContain(secret);
      }
    });
  },
  { migrate: false },
);
