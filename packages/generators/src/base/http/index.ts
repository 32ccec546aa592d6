import type { BuildConfig, PlatformId } from '@botsmith/shared';
import type { GeneratorModule } from '../../types';
import { HTTP_SERVER, HTTP_SERVER_TEST } from './server';

/** Platforms that receive requests over HTTP (webhooks, Slack HTTP mode, the web chat). */
export const HTTP_PLATFORMS: ReadonlySet<PlatformId> = new Set<PlatformId>([
  'telegram',
  'whatsapp',
  'slack',
  'webchat',
]);

// The routes each part mounts on the shared server, for the README.
const ROUTES: [string, string][] = [
  ['health', '`GET /health`: health endpoint'],
  ['metrics', '`GET /metrics`: analytics counters, Prometheus text format'],
  ['telegram', '`POST /webhooks/telegram`: Telegram webhook (when `TELEGRAM_WEBHOOK_URL` is set)'],
  ['whatsapp', '`GET`/`POST /webhooks/whatsapp`: WhatsApp webhook'],
  ['slack', '`POST /slack/events`: Slack in HTTP mode (when `SLACK_APP_TOKEN` is empty)'],
  ['webchat', '`GET /`, `GET /widget.js`, `POST /api/chat`: web chat (when `PORT` is set)'],
];

function routesReadme(config: BuildConfig): string {
  const chosen = new Set<string>([...config.platforms, ...config.features]);
  if (chosen.has('health') && chosen.has('analytics')) chosen.add('metrics');
  return [
    'Everything that receives HTTP shares one server on `PORT` (`src/http/server.ts`), so a host that exposes a single port serves it all:',
    '',
    ...ROUTES.filter(([id]) => chosen.has(id)).map(([, route]) => `- ${route}`),
    '',
    'It listens only when one of them is active. Unknown paths get a JSON 404 and failures a JSON 500 that reveals nothing.',
  ].join('\n');
}

/** Whether the project serves HTTP: the health endpoint or a platform receiving requests. */
export function needsHttpServer(config: BuildConfig): boolean {
  return (
    config.features.includes('health') ||
    config.platforms.some((platform) => HTTP_PLATFORMS.has(platform))
  );
}

/**
 * The shared HTTP server (`src/http/server.ts`): one Hono app on one port for every route
 * (health, Telegram and WhatsApp webhooks, Slack HTTP mode, web chat). It listens only when a
 * service mounted routes, so Telegram in long polling mode alone opens no port.
 */
export const httpServerModule: GeneratorModule = {
  id: 'http',
  label: 'Shared HTTP server',
  enabled: needsHttpServer,
  contribute: (config) => ({
    files: [
      { path: 'src/http/server.ts', content: HTTP_SERVER },
      { path: 'test/http.test.ts', content: HTTP_SERVER_TEST },
    ],
    dependencies: ['hono', '@hono/node-server'],
    services: [{ module: 'http/server', exportName: 'httpServerService' }],
    readme: [{ order: 58, title: 'HTTP server', body: routesReadme(config) }],
    envVars: [
      {
        name: 'PORT',
        description: config.platforms.includes('webchat')
          ? 'Port of the HTTP server: health endpoint, webhooks and web chat (default 3000); the web chat starts only when it is set.'
          : 'Port of the HTTP server: health endpoint and webhooks (default 3000).',
        example: '3000',
        required: false,
        integer: { min: 0, max: 65_535, default: 3000 },
      },
    ],
  }),
};
