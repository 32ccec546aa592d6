import type { GeneratorModule } from '../../types';

const HEALTH = `import { Hono } from 'hono';
import { mountRoutes } from './http/server.js';
import type { Service } from './runtime.js';

/** GET /health answers 200 for load balancers and uptime checks (HEAD works too). */
export function createHealthRoutes(): Hono {
  return new Hono().get('/', (c) => {
    c.header('cache-control', 'no-store');
    return c.json({ status: 'ok' });
  });
}

/** The health endpoint, served by the shared HTTP server on PORT. */
export const healthService: Service = {
  name: 'Health endpoint',
  kind: 'service',
  requiredEnv: [],
  async start() {
    mountRoutes('/health', createHealthRoutes());
    return { stop: async () => undefined };
  },
};
`;

const HEALTH_TEST = `import { describe, expect, it } from 'vitest';
import { createHealthRoutes } from '../src/health.js';
import { createHttpApp } from '../src/http/server.js';

describe('health endpoint', () => {
  const app = createHttpApp().route('/health', createHealthRoutes());

  it('answers GET /health with 200 and a JSON status', async () => {
    const response = await app.request('/health');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('answers HEAD /health without a body', async () => {
    const response = await app.request('/health', { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it('answers other paths with 404', async () => {
    expect((await app.request('/nope')).status).toBe(404);
  });
});
`;

/**
 * The health feature: `GET /health` for load balancers and uptime checks, mounted on the shared
 * HTTP server (`features/http`) that listens on `PORT`.
 */
export const healthFeature: GeneratorModule = {
  id: 'health',
  label: 'Health endpoint',
  enabled: (config) => config.features.includes('health'),
  contribute: () => ({
    files: [
      { path: 'src/health.ts', content: HEALTH },
      { path: 'test/health.test.ts', content: HEALTH_TEST },
    ],
    // PORT and the server itself come from the shared HTTP server module.
    services: [{ module: 'health', exportName: 'healthService' }],
    readme: [
      {
        order: 60,
        title: 'Health endpoint',
        body: 'The bot answers `GET /health` with `200 {"status":"ok"}` on `PORT` (default 3000), for load balancers, container health checks and uptime monitors.',
      },
    ],
  }),
};
