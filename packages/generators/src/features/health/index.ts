import { source } from '../../lib/text';
import type { FeatureModule } from '../../types';
import { HEALTH_TEST, METRICS_TEST } from './tests';

const HEALTH_HEAD = `import { Hono } from 'hono';
import { mountRoutes } from './http/server.js';
import { type PlatformStates, platformStates } from './platform-state.js';
import type { Service } from './runtime.js';
`;

const HEALTH_STATUS = `/**
 * "ok" when every started platform runs (or waits in standby for another instance's lease),
 * "degraded" when some failed, "failed" (answered with 503) when all did.
 */
export function healthStatus(states: PlatformStates): { status: 'ok' | 'degraded' | 'failed'; code: 200 | 503 } {
  if (states.allFailed()) return { status: 'failed', code: 503 };
  const failed = Object.values(states.snapshot()).some((platform) => platform.state === 'failed');
  return { status: failed ? 'degraded' : 'ok', code: 200 };
}
`;

const HEALTH_ROUTES = `/** GET /health for load balancers and uptime checks (HEAD works too), with each platform's state. */
export function createHealthRoutes(states: PlatformStates = platformStates): Hono {
  return new Hono().get('/health', (c) => {
    c.header('cache-control', 'no-store');
    const { status, code } = healthStatus(states);
    return c.json({ status, platforms: states.snapshot() }, code);
  });
}
`;

const HEALTH_WITH_METRICS_HEAD = `import { createHash, timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import { type Metrics, metrics as processMetrics } from './analytics/index.js';
import { mountRoutes } from './http/server.js';
import { type PlatformStates, platformStates } from './platform-state.js';
import type { Service } from './runtime.js';
`;

const HEALTH_WITH_METRICS_ROUTES = `/** Whether the request's bearer token is \`token\`, in constant time (both sides hashed first). */
function bearerMatches(header: string | undefined, token: string): boolean {
  const given = header?.startsWith('Bearer ') ? header.slice('Bearer '.length) : '';
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(token)) && given !== '';
}

/**
 * GET /health answers 200 for load balancers and uptime checks, GET /metrics serves the
 * analytics counters in the Prometheus text format (HEAD works for both). The counters tell
 * outsiders how busy the bot is, so /metrics needs \`Authorization: Bearer <METRICS_TOKEN>\`,
 * and without METRICS_TOKEN it does not exist (404).
 */
export function createHealthRoutes(
  metrics: Metrics = processMetrics,
  metricsToken: string | undefined = undefined,
  states: PlatformStates = platformStates,
): Hono {
  return new Hono()
    .get('/health', (c) => {
      c.header('cache-control', 'no-store');
      const { status, code } = healthStatus(states);
      return c.json({ status, uptimeSeconds: metrics.snapshot().uptimeSeconds, platforms: states.snapshot() }, code);
    })
    .get('/metrics', (c) => {
      c.header('cache-control', 'no-store');
      if (!metricsToken) return c.notFound();
      if (!bearerMatches(c.req.header('authorization'), metricsToken)) {
        c.header('www-authenticate', 'Bearer');
        return c.text('Unauthorized', 401);
      }
      c.header('content-type', 'text/plain; version=0.0.4');
      return c.body(metrics.toPrometheus());
    });
}
`;

const HEALTH_SERVICE = `/** The health endpoint, served by the shared HTTP server on PORT. */
export const healthService: Service = {
  name: 'Health endpoint',
  kind: 'service',
  requiredEnv: [],
  async start() {
    mountRoutes('/', createHealthRoutes());
    return { stop: async () => undefined };
  },
};
`;

const HEALTH_WITH_METRICS_SERVICE = `/** The health and metrics endpoints, served by the shared HTTP server on PORT. */
export const healthService: Service = {
  name: 'Health endpoint',
  kind: 'service',
  requiredEnv: [],
  async start(_bot, env) {
    mountRoutes('/', createHealthRoutes(processMetrics, env.METRICS_TOKEN || undefined));
    return { stop: async () => undefined };
  },
};
`;

function healthSource(withMetrics: boolean): string {
  return source(
    withMetrics ? HEALTH_WITH_METRICS_HEAD : HEALTH_HEAD,
    HEALTH_STATUS,
    withMetrics ? HEALTH_WITH_METRICS_ROUTES : HEALTH_ROUTES,
    withMetrics ? HEALTH_WITH_METRICS_SERVICE : HEALTH_SERVICE,
  );
}

/**
 * The health feature: `GET /health` for load balancers and uptime checks, and with analytics
 * `GET /metrics`, mounted on the shared HTTP server (`base/http`) that listens on `PORT`.
 */
export const healthFeature: FeatureModule<'health'> = {
  id: 'health',
  label: 'Health endpoint',
  contribute: (config) => {
    const withMetrics = config.features.includes('analytics');
    return {
      files: [
        { path: 'src/health.ts', content: healthSource(withMetrics) },
        {
          path: 'test/health.test.ts',
          content: source(
            HEALTH_TEST.replace(
              '...HEALTH_ARGS(states)',
              withMetrics ? 'undefined, undefined, states' : 'states',
            ),
            withMetrics && METRICS_TEST,
            '});',
          ),
        },
      ],
      // PORT and the server itself come from the shared HTTP server module.
      envVars: withMetrics
        ? [
            {
              name: 'METRICS_TOKEN',
              description:
                'Bearer token for GET /metrics (any long random string); unset, /metrics answers 404.',
              required: false,
              secret: true,
              helpUrl:
                'https://prometheus.io/docs/prometheus/latest/configuration/configuration/#scrape_config',
            },
          ]
        : [],
      services: [{ module: 'health', exportName: 'healthService' }],
      readme: [
        {
          order: 60,
          title: 'Health endpoint',
          body: [
            'The bot answers `GET /health` on `PORT` (default 3000), for load balancers, container health checks and uptime monitors, with each platform\'s state (`starting`, `running`, `standby` while another instance holds its polling lease, `failed` with the reason, `stopped` when not configured): `200 {"status":"ok"}` when every started platform runs, `"degraded"` when some failed, and `503 {"status":"failed"}` when all did.',
            withMetrics
              ? '`GET /metrics` serves the analytics counters in the Prometheus text format to a scraper that sends `Authorization: Bearer <METRICS_TOKEN>`: a wrong token gets 401, and without `METRICS_TOKEN` the endpoint answers 404.'
              : '',
          ]
            .join(' ')
            .trim(),
        },
      ],
    };
  },
};
