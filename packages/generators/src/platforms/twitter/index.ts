import type { GeneratorModule } from '../../types';
import { PLATFORM_NEXT_STEPS } from '../shared/next-steps';
import { TWITTER_ADAPTER } from './adapter';
import { TWITTER_CLIENT } from './client';
import { twitterReadme } from './readme';
import { TWITTER_TEST } from './tests';

/**
 * Twitter / X through twitter-api-v2 (SPEC §5.1): polls mentions with `since_id` and replies,
 * backing off until the rate limit window resets on 429.
 */
export const twitterPlatform: GeneratorModule<'twitter'> = {
  id: 'twitter',
  label: 'Twitter / X',
  enabled: (config) => config.platforms.includes('twitter'),
  contribute: (config) => ({
    files: [
      { path: 'src/platforms/twitter-client.ts', content: TWITTER_CLIENT },
      { path: 'src/platforms/twitter.ts', content: TWITTER_ADAPTER },
      { path: 'test/twitter.test.ts', content: TWITTER_TEST },
    ],
    dependencies: ['twitter-api-v2'],
    services: [{ module: 'platforms/twitter', exportName: 'twitterAdapter' }],
    envVars: [
      {
        name: 'TWITTER_API_KEY',
        secret: true,
        description: 'X app API Key (developer portal > Keys and tokens).',
        required: true,
        helpUrl: 'https://developer.x.com/en/portal/dashboard',
      },
      {
        name: 'TWITTER_API_SECRET',
        secret: true,
        description: 'X app API Key Secret.',
        required: true,
        helpUrl: 'https://developer.x.com/en/portal/dashboard',
      },
      {
        name: 'TWITTER_ACCESS_TOKEN',
        secret: true,
        description: 'Access Token of the bot account, with Read and write permission.',
        required: true,
        helpUrl: 'https://developer.x.com/en/portal/dashboard',
      },
      {
        name: 'TWITTER_ACCESS_SECRET',
        secret: true,
        description: 'Access Token Secret of the bot account.',
        required: true,
        helpUrl: 'https://developer.x.com/en/portal/dashboard',
      },
      {
        name: 'TWITTER_POLL_INTERVAL_SECONDS',
        description: 'Seconds between polls of the mentions timeline (default 60, at least 15).',
        example: '60',
        required: false,
        integer: { min: 15, default: 60 },
      },
    ],
    nextSteps: PLATFORM_NEXT_STEPS.twitter(config),
    readme: [twitterReadme()],
  }),
};
