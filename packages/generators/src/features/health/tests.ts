/** `test/health.test.ts` without its closing line, so the metrics case can be appended. */
export const HEALTH_TEST = `import { describe, expect, it } from 'vitest';
import { createHealthRoutes } from '../src/health.js';
import { createHttpApp } from '../src/http/server.js';
import { PlatformStates } from '../src/platform-state.js';

describe('health endpoint', () => {
  const app = createHttpApp().route('/', createHealthRoutes());

  it('answers GET /health with 200 and a JSON status', async () => {
    const response = await app.request('/health');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toMatchObject({ status: 'ok' });
  });

  it('answers HEAD /health without a body', async () => {
    const response = await app.request('/health', { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it("reports each platform's state, and 503 once every platform failed", async () => {
    const states = new PlatformStates();
    const routes = () => createHttpApp().route('/', createHealthRoutes(...HEALTH_ARGS(states)));
    states.set('Telegram', { state: 'running' });
    states.set('Slack', { state: 'failed', reason: 'Slack: invalid_auth' });
    const degraded = await routes().request('/health');
    expect(degraded.status).toBe(200);
    expect(await degraded.json()).toMatchObject({
      status: 'degraded',
      platforms: { Telegram: { state: 'running' }, Slack: { state: 'failed', reason: 'Slack: invalid_auth' } },
    });
    states.set('Telegram', { state: 'failed', reason: 'Telegram: long polling stopped' });
    const failed = await routes().request('/health');
    expect(failed.status).toBe(503);
    expect(await failed.json()).toMatchObject({ status: 'failed' });
  });

  it('answers other paths with 404', async () => {
    expect((await app.request('/nope')).status).toBe(404);
  });
`;

/** The `/metrics` cases, with the analytics feature. */
export const METRICS_TEST = `
  it('hides GET /metrics (404) while METRICS_TOKEN is unset', async () => {
    expect((await app.request('/metrics')).status).toBe(404);
  });

  it('refuses GET /metrics with a wrong or missing bearer token (401)', async () => {
    const guarded = createHttpApp().route('/', createHealthRoutes(undefined, 'right-token'));
    const wrong = await guarded.request('/metrics', { headers: { authorization: 'Bearer wrong-token' } });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).not.toMatch(/bot_messages_total/);
    expect((await guarded.request('/metrics')).status).toBe(401);
  });

  it('serves the analytics counters at GET /metrics with the right token', async () => {
    const guarded = createHttpApp().route('/', createHealthRoutes(undefined, 'right-token'));
    const response = await guarded.request('/metrics', { headers: { authorization: 'Bearer right-token' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\\/plain/);
    expect(await response.text()).toMatch(/^bot_messages_total \\d+$/m);
  });
`;
