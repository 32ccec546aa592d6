import type { ReadmeSection } from '../../types';

/** The README's X section: developer portal, user-context keys, polling and rate limits. */
export function twitterReadme(): ReadmeSection {
  return {
    order: 24,
    title: 'Twitter / X setup',
    body: [
      'The bot polls its mentions (`GET /2/users/:id/mentions` with `since_id`) and replies to each; account activity webhooks need an enterprise tier, so no public URL is involved.',
      '',
      '1. In the [X developer portal](https://developer.x.com/en/portal/dashboard) create a project and an app. Reading mentions needs a paid access tier; check the rate limits of yours.',
      "2. In the app's **User authentication settings** enable OAuth 1.0a with **Read and write** permission (replies are posted as the bot account).",
      '3. Under **Keys and tokens**, copy the **API Key and Secret** into `TWITTER_API_KEY` and `TWITTER_API_SECRET`, then generate an **Access Token and Secret** for the bot account (after setting the permission, or they stay read-only) into `TWITTER_ACCESS_TOKEN` and `TWITTER_ACCESS_SECRET`.',
      '4. `npm run dev`. The first poll only notes the newest mention, so old mentions are not answered after a restart; mentions that arrive while the bot is stopped are skipped.',
      '5. `TWITTER_POLL_INTERVAL_SECONDS` (default 60, at least 15) sets how often it polls. On HTTP 429 the bot waits until the rate limit window resets (`x-rate-limit-reset`); other errors double the wait once.',
    ].join('\n'),
  };
}
