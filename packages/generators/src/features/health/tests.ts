/** `test/health.test.ts` without its closing line, so the metrics case can be appended. */
export const HEALTH_TEST = `import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createHealthServer, readPort } from '../src/health.js';

describe('health endpoint', () => {
  let server: Server | undefined;
  afterEach(() => {
    server?.closeAllConnections();
    server?.close();
  });

  async function url(path: string): Promise<string> {
    const listening = createHealthServer();
    server = listening;
    await new Promise<void>((resolve) => listening.listen(0, '127.0.0.1', resolve));
    const { port } = listening.address() as AddressInfo;
    return 'http://127.0.0.1:' + port + path;
  }

  it('answers GET /health with 200 and a JSON status', async () => {
    const response = await fetch(await url('/health'));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok' });
  });

  it('answers other paths with 404', async () => {
    const response = await fetch(await url('/nope'));
    expect(response.status).toBe(404);
  });

  it('reads PORT and rejects nonsense', () => {
    expect(readPort({})).toBe(3000);
    expect(readPort({ PORT: '8080' })).toBe(8080);
    expect(() => readPort({ PORT: 'eighty' })).toThrow(/PORT/);
  });
`;

/** The `/metrics` case, with the analytics feature. */
export const METRICS_TEST = `
  it('serves the analytics counters at GET /metrics', async () => {
    const response = await fetch(await url('/metrics'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\\/plain/);
    expect(await response.text()).toMatch(/^bot_messages_total \\d+$/m);
  });
`;
