import type { BuildConfig } from '@botsmith/shared';
import type { ReadmeSection } from '../../types';
import { slackCommandName } from './manifest';

/** The README's Slack section: manifest, tokens, Socket Mode locally, HTTP mode optionally. */
export function slackReadme(config: BuildConfig): ReadmeSection {
  const command = slackCommandName(config); // derived from the validated project name
  return {
    order: 23,
    title: 'Slack setup',
    body: [
      '1. Open [api.slack.com/apps](https://api.slack.com/apps), choose **Create New App → From a manifest**, pick your workspace and paste `slack-app-manifest.json`. It asks for the scopes `app_mentions:read`, `chat:write`, `commands`, `im:history`, subscribes to `app_mention` and `message.im`, enables Socket Mode and the App Home messages tab, and adds the slash command `' +
        command +
        '`.',
      '2. **Install to Workspace**, then copy the **Bot User OAuth Token** (`xoxb-…`, OAuth & Permissions) into `SLACK_BOT_TOKEN`.',
      '3. **Socket Mode (default, no public URL):** on **Basic Information → App-Level Tokens**, generate a token with the `connections:write` scope and put it (`xapp-…`) in `SLACK_APP_TOKEN`. Slack then delivers events over a WebSocket the bot opens, so `npm run dev` works behind any firewall.',
      '4. **HTTP mode (optional):** leave `SLACK_APP_TOKEN` empty, copy the **Signing Secret** (Basic Information) into `SLACK_SIGNING_SECRET`, turn Socket Mode off, and set `https://YOUR_HOST/slack/events` as the request URL of **Event Subscriptions** and of the slash command. Every request is verified with the signing secret: HMAC-SHA256 over `v0:timestamp:body`, compared in constant time, and refused when the timestamp is more than 5 minutes old.',
      "5. At start the bot checks `SLACK_BOT_TOKEN` with `auth.test` within `PLATFORM_START_TIMEOUT_MS`: a refused token or an unreachable API stops Slack alone, in one log line, and the other platforms keep running. `SLACK_API_URL` (default `https://slack.com/api/`) points it elsewhere, such as a test fake, for every Web API call, including `apps.connections.open`, which hands out the Socket Mode WebSocket URL. Events are acknowledged before the bot answers, so a slow answer never exceeds Slack's 3 seconds.",
      `6. Use \`${command} help\` in any channel (answers only you see), mention the bot in a channel it was invited to (it answers in a thread), or write to it in its **Messages** tab.`,
    ].join('\n'),
  };
}
