import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeEachDatabase } from '@botsmith/db/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestServer } from './testing/test-server';

describeEachDatabase('HTTP server (real socket)', (t) => {
  let server: ReturnType<typeof createTestServer>['server'];
  let url: string;
  beforeAll(async () => {
    ({ server } = createTestServer(t.db));
    url = await server.start();
  });
  afterAll(() => server.stop());

  test('GET /health over HTTP, with a request id header', async () => {
    const response = await fetch(`${url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describeEachDatabase('graceful stop', (t) => {
  test('stop() finishes requests in flight, then refuses connections', async () => {
    const { server } = createTestServer(t.db);
    let entered!: () => void;
    const handlerEntered = new Promise<void>((resolve) => {
      entered = resolve;
    });
    server.app.get('/slow', async () => {
      entered();
      await new Promise((resolve) => setTimeout(resolve, 300));
      return { done: true };
    });
    const url = await server.start();

    const inFlight = fetch(`${url}/slow`);
    await handlerEntered;
    const stopped = server.stop();
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ done: true });
    await stopped;
    await expect(fetch(`${url}/health`)).rejects.toThrow();
  });
});

describe('serving the SPA', () => {
  let dir: string;
  let server: ReturnType<typeof createTestServer>['server'];
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'botsmith-web-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Botsmith</title>');
    writeFileSync(join(dir, 'assets', 'app-abc123.js'), 'console.log(1)');
    // No route here touches the database, so a closed one is fine.
    const { createDatabase } = await import('@botsmith/db');
    const { db } = createDatabase({ url: 'postgres://postgres@127.0.0.1:9/unused' });
    ({ server } = createTestServer(db, { webDistDir: dir }));
    await server.start();
  });
  afterAll(async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('client routes get index.html; assets are cached for good', async () => {
    for (const path of ['/', '/wizard/platform', '/dashboard?tab=1']) {
      const response = await server.app.inject(path);
      expect(response.statusCode, path).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.body).toContain('<title>Botsmith</title>');
    }
    const asset = await server.app.inject('/assets/app-abc123.js');
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  test('server paths and missing files stay 404 JSON', async () => {
    for (const path of ['/api/nope', '/trpc', '/auth/whatever', '/assets/missing.js']) {
      const response = await server.app.inject(path);
      expect(response.statusCode, path).toBe(404);
      expect(response.json().error.code, path).toBe('NOT_FOUND');
    }
    const post = await server.app.inject({ method: 'POST', url: '/dashboard' });
    expect(post.statusCode).toBe(404);
  });
});
