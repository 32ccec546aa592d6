import type { FeatureModule } from '../../types';
import { SCHEDULE, SCHEDULED_INDEX, SCHEDULED_TEST } from './sources';

/**
 * Scheduled messages: cron jobs (croner) from `SCHEDULED_MESSAGES` that post through the
 * `Notifier` each running platform adapter provides. Platform-independent: any adapter that
 * returns a notifier from `start()` can receive scheduled posts.
 */
export const scheduledFeature: FeatureModule<'scheduled'> = {
  id: 'scheduled',
  label: 'Scheduled messages',
  contribute: () => ({
    files: [
      { path: 'src/scheduled/index.ts', content: SCHEDULED_INDEX },
      { path: 'src/scheduled/schedule.ts', content: SCHEDULE },
      { path: 'test/scheduled.test.ts', content: SCHEDULED_TEST },
    ],
    dependencies: ['croner'],
    services: [{ module: 'scheduled/index', exportName: 'scheduledMessagesService' }],
    envVars: [
      {
        name: 'SCHEDULED_MESSAGES',
        description:
          'JSON array of scheduled posts: [{"cron":"0 9 * * 1-5","targets":"discord:CHANNEL_ID","text":"Good morning!","timezone":"Europe/Berlin"}].',
        example: '[]',
        required: false,
      },
    ],
    readme: [
      {
        order: 65,
        title: 'Scheduled messages',
        body: [
          '`SCHEDULED_MESSAGES` is a JSON array; each entry posts `text` to `targets` (`platform:channelId`, comma-separated) on a [cron](https://crontab.guru) schedule, optionally in a `timezone`:',
          '',
          '```sh',
          'SCHEDULED_MESSAGES=\'[{"cron":"0 9 * * 1-5","targets":"discord:123456789012345678","text":"Good morning!","timezone":"Europe/Berlin"}]\'',
          '```',
          '',
          'The schedule is checked when the bot starts, so a typo fails fast. Posts go through the platform adapters that can send to channels (their `Notifier`): Discord (`discord:` channel id), Telegram (`telegram:` chat id, negative for groups) and Slack (`slack:` channel id, with the bot a member). A channel that cannot be reached is logged and the others still get the message.',
        ].join('\n'),
      },
    ],
  }),
};
