import type { GeneratorModule } from '../../types';
import { PLATFORM_NEXT_STEPS } from '../shared/next-steps';
import { webchatAdapterSource } from './adapter';
import { WEBCHAT_AI_BUDGET } from './ai-budget';
import { WEBCHAT_RATE_LIMIT } from './rate-limit';
import { webchatReadme } from './readme';
import { webchatAiBudgetTest, webchatTest } from './tests';
import { WEBCHAT_WIDGET } from './widget';
import { WEBCHAT_WIDGET_TEST } from './widget-tests';

/**
 * The web chat with Hono (SPEC §5.1): `POST /api/chat` with validation, a CORS allow-list and
 * a per-client token bucket, `GET /widget.js` rendering into Shadow DOM with `textContent`
 * only, and a demo page. It shares the HTTP server on `PORT` and starts when `PORT` is set.
 * With the AI feature each client address may cause `AI_DAILY_BUDGET_PER_ADDRESS` model calls a
 * day through it.
 */
export const webchatPlatform: GeneratorModule<'webchat'> = {
  id: 'webchat',
  label: 'Web chat',
  enabled: (config) => config.platforms.includes('webchat'),
  contribute: (config) => {
    const ai = config.features.includes('ai');
    const moderation = config.features.includes('moderation');
    return {
      files: [
        { path: 'src/platforms/webchat-rate-limit.ts', content: WEBCHAT_RATE_LIMIT },
        { path: 'src/platforms/webchat-widget.ts', content: WEBCHAT_WIDGET },
        { path: 'src/platforms/webchat.ts', content: webchatAdapterSource({ aiBudget: ai }) },
        { path: 'test/webchat-widget.test.ts', content: WEBCHAT_WIDGET_TEST },
        { path: 'test/webchat.test.ts', content: webchatTest({ moderation }) },
        ...(ai
          ? [
              { path: 'src/platforms/webchat-ai-budget.ts', content: WEBCHAT_AI_BUDGET },
              { path: 'test/webchat-ai-budget.test.ts', content: webchatAiBudgetTest(config) },
            ]
          : []),
      ],
      services: [{ module: 'platforms/webchat', exportName: 'webchatAdapter' }],
      envVars: [
        {
          name: 'WEBCHAT_ALLOWED_ORIGINS',
          description:
            'Comma-separated origins of sites embedding the chat widget, such as https://www.example.com.',
          required: false,
        },
        {
          name: 'WEBCHAT_RATE_LIMIT_PER_MINUTE',
          description:
            'Chat messages one client address, and one session, may send per minute (default 20).',
          example: '20',
          required: false,
          integer: { min: 1, default: 20 },
        },
        {
          name: 'WEBCHAT_SESSION_SECRET',
          description:
            'Signs the web chat session cookies and tokens (HMAC-SHA256), at least 32 characters: openssl rand -hex 32. Required when NODE_ENV=production; in development a random one per process.',
          required: false,
          secret: true,
          helpUrl: 'https://docs.openssl.org/master/man1/openssl-rand/',
        },
        {
          name: 'TRUST_PROXY_HOPS',
          description:
            'Proxies in front of the bot that append to X-Forwarded-For (default 0; Fly.io, Render and Railway: 1). Set to the number of proxies in front, never more.',
          example: '0',
          required: false,
          integer: { min: 0, default: 0 },
        },
        ...(ai
          ? [
              {
                name: 'AI_DAILY_BUDGET_PER_ADDRESS',
                description:
                  'AI model calls one web chat client address may cause per UTC day (default 50); past it the chat says so instead of calling the model.',
                example: '50',
                required: false,
                integer: { min: 0, default: 50 },
              },
            ]
          : []),
      ],
      nextSteps: PLATFORM_NEXT_STEPS.webchat(config),
      readme: [webchatReadme({ ai })],
    };
  },
};
