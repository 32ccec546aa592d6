import type { GeneratorModule } from '../../types';
import { PLATFORM_NEXT_STEPS } from '../shared/next-steps';
import { WHATSAPP_ADAPTER } from './adapter';
import { WHATSAPP_GRAPH } from './graph';
import { whatsappReadme } from './readme';
import { WHATSAPP_TEST } from './tests';
import { WHATSAPP_WEBHOOK } from './webhook';

/**
 * WhatsApp through the Cloud API with plain fetch (SPEC §5.1): a webhook with the GET
 * verify-token handshake and `X-Hub-Signature-256` checked on the raw body, replies through
 * POST /{phone-number-id}/messages on the Graph API version from the environment.
 */
export const whatsappPlatform: GeneratorModule<'whatsapp'> = {
  id: 'whatsapp',
  label: 'WhatsApp',
  enabled: (config) => config.platforms.includes('whatsapp'),
  contribute: (config) => ({
    files: [
      { path: 'src/platforms/whatsapp-graph.ts', content: WHATSAPP_GRAPH },
      { path: 'src/platforms/whatsapp-webhook.ts', content: WHATSAPP_WEBHOOK },
      { path: 'src/platforms/whatsapp.ts', content: WHATSAPP_ADAPTER },
      { path: 'test/whatsapp.test.ts', content: WHATSAPP_TEST },
    ],
    services: [{ module: 'platforms/whatsapp', exportName: 'whatsappAdapter' }],
    envVars: [
      {
        name: 'WHATSAPP_ACCESS_TOKEN',
        secret: true,
        description:
          'WhatsApp Cloud API access token (a system user token from Meta Business Settings).',
        required: true,
        helpUrl: 'https://developers.facebook.com/apps',
      },
      {
        name: 'WHATSAPP_PHONE_NUMBER_ID',
        description: 'Phone number ID from the app dashboard, WhatsApp > API Setup.',
        required: true,
        helpUrl: 'https://developers.facebook.com/apps',
      },
      {
        name: 'WHATSAPP_APP_SECRET',
        secret: true,
        description:
          'App secret (App settings > Basic); verifies X-Hub-Signature-256 on every webhook.',
        required: true,
        helpUrl: 'https://developers.facebook.com/apps',
      },
      {
        name: 'WHATSAPP_VERIFY_TOKEN',
        secret: true,
        description:
          'Any random string; enter the same one as verify token in the webhook configuration.',
        required: true,
        helpUrl: 'https://developers.facebook.com/docs/graph-api/webhooks/getting-started',
      },
      {
        name: 'WHATSAPP_GRAPH_VERSION',
        description: 'Graph API version (default v23.0).',
        example: 'v23.0',
        required: false,
      },
    ],
    nextSteps: PLATFORM_NEXT_STEPS.whatsapp(config),
    readme: [whatsappReadme()],
  }),
};
