import type { GeneratorModule } from '../../types';
import { PLATFORM_NEXT_STEPS } from '../shared/next-steps';
import { SLACK_ADAPTER } from './adapter';
import { slackManifest } from './manifest';
import { slackReadme } from './readme';
import { SLACK_RECEIVER } from './receiver';
import { SLACK_TEST } from './tests';

/**
 * Slack through Bolt (SPEC §5.1): Socket Mode by default, HTTP mode on the shared server with
 * the signing secret verified by Bolt; a slash command, mentions and direct messages, plus an
 * app manifest that sets the app up in one paste.
 */
export const slackPlatform: GeneratorModule<'slack'> = {
  id: 'slack',
  label: 'Slack',
  enabled: (config) => config.platforms.includes('slack'),
  contribute: (config) => ({
    files: [
      { path: 'slack-app-manifest.json', content: slackManifest(config) },
      { path: 'src/platforms/slack-receiver.ts', content: SLACK_RECEIVER },
      { path: 'src/platforms/slack.ts', content: SLACK_ADAPTER },
      { path: 'test/slack.test.ts', content: SLACK_TEST },
    ],
    dependencies: ['@slack/bolt'],
    devDependencies: ['ws', '@types/ws'],
    services: [{ module: 'platforms/slack', exportName: 'slackAdapter' }],
    envVars: [
      {
        name: 'SLACK_BOT_TOKEN',
        secret: true,
        description: 'Slack Bot User OAuth Token (xoxb-...), from OAuth & Permissions.',
        required: true,
        helpUrl: 'https://api.slack.com/apps',
      },
      {
        name: 'SLACK_APP_TOKEN',
        secret: true,
        description:
          'App-level token (xapp-...) with connections:write for Socket Mode; empty uses HTTP mode.',
        required: false,
        helpUrl: 'https://api.slack.com/apps',
      },
      {
        name: 'SLACK_API_URL',
        description:
          "Slack Web API base URL (default https://slack.com/api/), for a proxy or a test's fake.",
        example: 'https://slack.com/api/',
        required: false,
        helpUrl: 'https://docs.slack.dev/tools/node-slack-sdk/web-api/',
      },
      {
        name: 'SLACK_SIGNING_SECRET',
        secret: true,
        description:
          'Signing secret (Basic Information) verifying requests in HTTP mode; needed without SLACK_APP_TOKEN.',
        required: false,
        helpUrl: 'https://api.slack.com/apps',
      },
    ],
    nextSteps: PLATFORM_NEXT_STEPS.slack(config),
    readme: [slackReadme(config)],
  }),
};
