import type { FeatureModule } from '../../types';
import { ANALYTICS_INDEX, ANALYTICS_TEST, METRICS } from './sources';

/**
 * Analytics and structured logs: pino JSON logs of every handled, blocked or failed message
 * and process-wide counters, exposed at `GET /metrics` when the health endpoint is chosen
 * and shown by the admin `/stats` command. Installed as the first plugin, so it sees everything.
 */
export const analyticsFeature: FeatureModule<'analytics'> = {
  id: 'analytics',
  label: 'Analytics and structured logs',
  contribute: (config) => ({
    files: [
      { path: 'src/analytics/index.ts', content: ANALYTICS_INDEX },
      { path: 'src/analytics/metrics.ts', content: METRICS },
      { path: 'test/analytics.test.ts', content: ANALYTICS_TEST },
    ],
    dependencies: ['pino'],
    plugins: [{ module: 'analytics/index', exportName: 'analyticsPlugin' }],
    readme: [
      {
        order: 62,
        title: 'Analytics and logs',
        body: [
          'Every handled, blocked or failed message is logged as one JSON line with [pino](https://getpino.io) (`LOG_LEVEL`) and counted (`src/analytics/metrics.ts`): messages, commands, errors and blocked messages. Message text and user ids are not logged.',
          config.features.includes('health')
            ? 'The counters are served at `GET /metrics` in the Prometheus text format, next to `/health`.'
            : 'Add the health endpoint feature to serve them at `GET /metrics`.',
          'For readable logs while developing: `npm run dev | npx pino-pretty`.',
        ].join(' '),
      },
    ],
  }),
};
