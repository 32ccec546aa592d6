import type { GeneratorModule } from '../../types';
import { PLATFORM_NEXT_STEPS } from '../shared/next-steps';
import { DISCORD_ADAPTER } from './adapter';
import { DEPLOY_COMMANDS } from './deploy-commands';
import { discordReadme } from './readme';
import { DISCORD_TEST } from './tests';

/**
 * Discord through discord.js 14 over the gateway WebSocket (SPEC §5.1): slash commands and
 * messages that mention the bot, plus a script that registers the slash commands.
 */
export const discordPlatform: GeneratorModule<'discord'> = {
  id: 'discord',
  label: 'Discord',
  enabled: (config) => config.platforms.includes('discord'),
  contribute: (config) => ({
    files: [
      { path: 'scripts/deploy-commands.ts', content: DEPLOY_COMMANDS },
      { path: 'src/platforms/discord.ts', content: DISCORD_ADAPTER },
      { path: 'test/discord.test.ts', content: DISCORD_TEST },
    ],
    dependencies: ['discord.js'],
    scripts: { 'deploy-commands': 'tsx scripts/deploy-commands.ts' },
    services: [{ module: 'platforms/discord', exportName: 'discordAdapter' }],
    envVars: [
      {
        name: 'DISCORD_TOKEN',
        secret: true,
        description: 'Discord bot token (Developer Portal > your app > Bot > Reset Token).',
        required: true,
        helpUrl: 'https://discord.com/developers/applications',
      },
      {
        name: 'DISCORD_CLIENT_ID',
        description:
          'Discord application id (Developer Portal > General Information), used by npm run deploy-commands.',
        required: true,
        helpUrl: 'https://discord.com/developers/applications',
      },
      {
        name: 'DISCORD_GUILD_ID',
        description:
          'Server id to register slash commands in only that server while developing; empty registers them globally.',
        required: false,
        helpUrl: 'https://support.discord.com/hc/en-us/articles/206346498',
      },
    ],
    nextSteps: PLATFORM_NEXT_STEPS.discord(config),
    readme: [discordReadme()],
  }),
};
