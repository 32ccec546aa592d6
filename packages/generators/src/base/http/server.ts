/** `src/http/server.ts` of the generated project: the one Hono app every HTTP route mounts on. */
export const HTTP_SERVER = `import { type ServerType, serve } from '@hono/node-server';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { envNumbers } from '../env.js';
import { log } from '../log.js';
import type { Service } from '../runtime.js';

/**
 * A Hono app that answers unknown paths and failures with JSON, never with internals.
 * Tests build their own; the process shares one (httpApp) so that webhooks, the web chat and
 * the health endpoint all listen on the single port container hosts expose.
 */
export function createHttpApp(): Hono {
  const app = new Hono();
  app.notFound((c) => c.json({ error: 'not_found' }, 404));
  app.onError((error, c) => {
    if (error instanceof HTTPException) return error.getResponse();
    log.error({ err: error, method: c.req.method, path: c.req.path }, 'HTTP request failed');
    return c.json({ error: 'internal_error' }, 500);
  });
  return app;
}

/** The process-wide app; services mount their routes on it while they start. */
export const httpApp = createHttpApp();
let mountedRoutes = 0;

/**
 * Mounts a service's routes under a path of the shared app. Call it from Service.start:
 * httpServerService starts after every other service, and Hono accepts no routes once it
 * has answered a request.
 */
export function mountRoutes(path: string, routes: Hono): void {
  httpApp.route(path, routes);
  mountedRoutes += 1;
}

/** The port from PORT (default 3000; src/env.ts checks it is a TCP port). */
export function readPort(env: NodeJS.ProcessEnv): number {
  return envNumbers(env).PORT;
}

/** Starts listening; resolves with the server and the port it got (useful with PORT=0). */
export function listen(app: Hono, port: number): Promise<{ server: ServerType; port: number }> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port }, (info) => resolve({ server, port: info.port }));
    server.once('error', reject);
  });
}

/** Listens on PORT when any service mounted routes; started after all of them. */
export const httpServerService: Service = {
  name: 'HTTP server',
  kind: 'service',
  requiredEnv: [],
  async start(_bot, env) {
    if (mountedRoutes === 0) return { stop: async () => undefined };
    const { server, port } = await listen(httpApp, readPort(env));
    log.info({ port }, 'HTTP server: listening on http://localhost:' + port);
    return {
      stop: () =>
        new Promise<void>((resolve, reject) => {
          server.close((error) => (error ? reject(error) : resolve()));
        }),
    };
  },
};
`;

/** `test/http.test.ts`: the shared app's error handling, PORT parsing and a real listener. */
export const HTTP_SERVER_TEST = `import { Hono } from 'hono';
import { describe, expect, it, vi } from 'vitest';
import { createHttpApp, listen, readPort } from '../src/http/server.js';
import { log } from '../src/log.js';

describe('shared HTTP server', () => {
  it('answers unknown paths with a JSON 404', async () => {
    const response = await createHttpApp().request('/nope');
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: 'not_found' });
  });

  it('answers failures with a JSON 500 that reveals nothing', async () => {
    const app = createHttpApp();
    app.get('/boom', () => {
      throw new Error('secret detail');
    });
    const logged = vi.spyOn(log, 'error').mockImplementation(() => undefined);
    const response = await app.request('/boom');
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain('secret');
    expect(logged).toHaveBeenCalledOnce();
    logged.mockRestore();
  });

  it('reads PORT and rejects nonsense', () => {
    expect(readPort({})).toBe(3000);
    expect(readPort({ PORT: '8080' })).toBe(8080);
    expect(() => readPort({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => readPort({ PORT: '70000' })).toThrow(/PORT/);
  });

  it('serves mounted routes on a real port', async () => {
    const app = createHttpApp();
    app.route('/hello', new Hono().get('/', (c) => c.text('hi')));
    const { server, port } = await listen(app, 0);
    try {
      const response = await fetch('http://127.0.0.1:' + port + '/hello');
      expect(await response.text()).toBe('hi');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
`;
