import type { GeneratorModule } from '../../types';
import { PLATFORM_NEXT_STEPS } from '../shared/next-steps';
import { TELEGRAM_ADAPTER } from './adapter';
import { telegramReadme } from './readme';
import { TELEGRAM_TEST } from './tests';

/**
 * Telegram through grammY 1.x (SPEC §5.1): long polling while developing, a webhook verified
 * by its secret token in production, the core commands registered with setMyCommands.
 */
export const telegramPlatform: GeneratorModule<'telegram'> = {
  id: 'telegram',
  label: 'Telegram',
  enabled: (config) => config.platforms.includes('telegram'),
  contribute: (config) => ({
    files: [
      { path: 'src/platforms/telegram.ts', content: TELEGRAM_ADAPTER },
      { path: 'test/telegram.test.ts', content: TELEGRAM_TEST },
    ],
    dependencies: ['grammy', '@grammyjs/runner'],
    services: [{ module: 'platforms/telegram', exportName: 'telegramAdapter' }],
    envVars: [
      {
        name: 'TELEGRAM_BOT_TOKEN',
        secret: true,
        description: 'Telegram bot token from @BotFather (/newbot).',
        required: true,
        helpUrl: 'https://t.me/BotFather',
      },
      {
        name: 'TELEGRAM_API_ROOT',
        description:
          'Bot API root (default https://api.telegram.org), for a local Bot API server or a test fake.',
        example: 'https://api.telegram.org',
        required: false,
        helpUrl: 'https://core.telegram.org/bots/api#using-a-local-bot-api-server',
      },
      {
        name: 'TELEGRAM_WEBHOOK_URL',
        description:
          'Public https URL of /webhooks/telegram to receive updates by webhook (production); empty uses long polling.',
        required: false,
        helpUrl: 'https://core.telegram.org/bots/api#setwebhook',
      },
      {
        name: 'TELEGRAM_WEBHOOK_SECRET',
        secret: true,
        description:
          'Secret Telegram sends in X-Telegram-Bot-Api-Secret-Token (1-256 of A-Z a-z 0-9 _ -); required with TELEGRAM_WEBHOOK_URL.',
        required: false,
        helpUrl: 'https://core.telegram.org/bots/api#setwebhook',
      },
    ],
    nextSteps: PLATFORM_NEXT_STEPS.telegram(config),
    readme: [telegramReadme()],
  }),
};
