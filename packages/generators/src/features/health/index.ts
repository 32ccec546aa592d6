import { source } from '../../lib/text';
import type { GeneratorModule } from '../../types';
import { HEALTH_TEST, METRICS_TEST } from './tests';

const HEALTH_HEAD = `import { createServer, type Server } from 'node:http';
import type { Service } from './runtime.js';
`;

const HEALTH_SERVER = `/** Answers GET /health with 200 for load balancers and uptime checks; anything else is 404. */
export function createHealthServer(): Server {
  return createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    const isRead = request.method === 'GET' || request.method === 'HEAD';
    if (isRead && path === '/health') {
      response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      response.end(request.method === 'HEAD' ? undefined : JSON.stringify({ status: 'ok' }));
      return;
    }
    response.writeHead(404, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ error: 'not_found' }));
  });
}
`;

const HEALTH_WITH_METRICS_HEAD = `import { createServer, type Server } from 'node:http';
import { type Metrics, metrics as processMetrics } from './analytics/index.js';
import type { Service } from './runtime.js';
`;

const HEALTH_WITH_METRICS_SERVER = `/**
 * Answers GET /health with 200 for load balancers and uptime checks, and GET /metrics with the
 * analytics counters in the Prometheus text format; anything else is 404.
 */
export function createHealthServer(metrics: Metrics = processMetrics): Server {
  return createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    const isRead = request.method === 'GET' || request.method === 'HEAD';
    const body = (text: string) => response.end(request.method === 'HEAD' ? undefined : text);
    if (isRead && path === '/health') {
      response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      body(JSON.stringify({ status: 'ok', uptimeSeconds: metrics.snapshot().uptimeSeconds }));
      return;
    }
    if (isRead && path === '/metrics') {
      response.writeHead(200, { 'content-type': 'text/plain; version=0.0.4', 'cache-control': 'no-store' });
      body(metrics.toPrometheus());
      return;
    }
    response.writeHead(404, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ error: 'not_found' }));
  });
}
`;

const HEALTH_SERVICE = `
/** The port from PORT (default 3000), rejecting values that are not a TCP port. */
export function readPort(env: NodeJS.ProcessEnv): number {
  const raw = env.PORT?.trim() || '3000';
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error('PORT must be a whole number from 0 to 65535, got ' + JSON.stringify(raw));
  }
  return port;
}

/** The health endpoint as a service started next to the chat platforms. */
export const healthService: Service = {
  name: 'Health endpoint',
  kind: 'service',
  requiredEnv: [],
  async start(_bot, env) {
    const server = createHealthServer();
    const port = readPort(env);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, resolve);
    });
    console.log('Health endpoint: http://localhost:' + port + '/health');
    return {
      stop: () =>
        new Promise<void>((resolve, reject) => {
          server.close((error) => (error ? reject(error) : resolve()));
        }),
    };
  },
};
`;

function healthSource(withMetrics: boolean): string {
  return source(
    withMetrics ? HEALTH_WITH_METRICS_HEAD : HEALTH_HEAD,
    withMetrics ? HEALTH_WITH_METRICS_SERVER : HEALTH_SERVER,
    HEALTH_SERVICE,
  );
}

/** The health feature: `GET /health` on `PORT` for load balancers and uptime checks. */
export const healthFeature: GeneratorModule = {
  id: 'health',
  label: 'Health endpoint',
  enabled: (config) => config.features.includes('health'),
  contribute: (config) => {
    const withMetrics = config.features.includes('analytics');
    return {
      files: [
        { path: 'src/health.ts', content: healthSource(withMetrics) },
        {
          path: 'test/health.test.ts',
          content: source(HEALTH_TEST, withMetrics && METRICS_TEST, '});'),
        },
      ],
      services: [{ module: 'health', exportName: 'healthService' }],
      envVars: [
        {
          name: 'PORT',
          description: 'Port of the health endpoint GET /health (default 3000).',
          example: '3000',
          required: false,
        },
      ],
      readme: [
        {
          order: 60,
          title: 'Health endpoint',
          body: [
            'The bot answers `GET /health` with `200 {"status":"ok"}` on `PORT` (default 3000), for load balancers, container health checks and uptime monitors.',
            withMetrics
              ? '`GET /metrics` serves the analytics counters in the Prometheus text format.'
              : '',
          ]
            .join(' ')
            .trim(),
        },
      ],
    };
  },
};
