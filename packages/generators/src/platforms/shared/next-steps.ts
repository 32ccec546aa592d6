import type { BuildConfig } from '@botsmith/shared';
import { packageManagerOf } from '../../lib/package-manager';
import type { Contribution } from '../../types';
import { flyAppName } from '../../workflows/fly-toml';

type Steps = NonNullable<Contribution['nextSteps']>;

/** Routes the generated adapters mount (a test checks each against the generated code). */
export const PUBLIC_ROUTES = {
  telegram: '/webhooks/telegram',
  whatsapp: '/webhooks/whatsapp',
  slack: '/slack/events',
  widget: '/widget.js',
} as const;

/**
 * The bot's public origin in next steps: known for Fly.io (the app name in fly.toml), a
 * placeholder elsewhere, since the host assigns it.
 */
function publicOrigin(config: BuildConfig): string {
  return config.deploy.target === 'fly'
    ? `https://${flyAppName(config)}.fly.dev`
    : 'https://YOUR_HOST';
}

/**
 * What is left to do outside GitHub for each platform once the bot runs (step 8 and the
 * README's "After deploying"), with the paths and commands the generated code really serves.
 * Plain generator-authored text: no Markdown, no user text.
 */
export const PLATFORM_NEXT_STEPS = {
  discord: (config: BuildConfig): Steps => [
    {
      title: 'Register the slash commands',
      detail:
        'With DISCORD_TOKEN and DISCORD_CLIENT_ID in .env (or the environment), run this once, and again whenever the commands change. With DISCORD_GUILD_ID set they are registered in that server only.',
      command: packageManagerOf(config).run('deploy-commands'),
    },
  ],
  telegram: (config: BuildConfig): Steps => [
    {
      title: "Point Telegram's webhook at the bot",
      detail: `Without TELEGRAM_WEBHOOK_URL the bot uses long polling, which needs nothing. For a webhook, set TELEGRAM_WEBHOOK_URL to ${publicOrigin(config)}${PUBLIC_ROUTES.telegram} and TELEGRAM_WEBHOOK_SECRET to a random string: the bot registers the webhook at start, and this command points it by hand with the same secret header (X-Telegram-Bot-Api-Secret-Token).`,
      command: `curl --fail "https://api.telegram.org/bot$TELEGRAM_BOT_TOKEN/setWebhook" --data-urlencode "url=$TELEGRAM_WEBHOOK_URL" --data-urlencode "secret_token=$TELEGRAM_WEBHOOK_SECRET" --data-urlencode 'allowed_updates=["message"]'`,
      url: 'https://core.telegram.org/bots/api#setwebhook',
    },
  ],
  whatsapp: (config: BuildConfig): Steps => [
    {
      title: 'Subscribe the webhook in the Meta app dashboard',
      detail: `On WhatsApp > Configuration > Webhook, enter ${publicOrigin(config)}${PUBLIC_ROUTES.whatsapp} as the Callback URL and the value of WHATSAPP_VERIFY_TOKEN as the Verify token, choose Verify and save, then subscribe to the messages field.`,
      url: 'https://developers.facebook.com/apps',
    },
  ],
  slack: (config: BuildConfig): Steps => [
    {
      title: 'Install the Slack app from the generated manifest',
      detail: `Choose From a manifest, pick the workspace and paste slack-app-manifest.json, then Install to Workspace and copy the Bot User OAuth Token into SLACK_BOT_TOKEN. In HTTP mode (no SLACK_APP_TOKEN), set ${publicOrigin(config)}${PUBLIC_ROUTES.slack} as the request URL of Event Subscriptions and of the slash command.`,
      url: 'https://api.slack.com/apps?new_app=1',
    },
  ],
  webchat: (config: BuildConfig): Steps => [
    {
      title: 'Embed the chat widget',
      detail: `List your site's origin in WEBCHAT_ALLOWED_ORIGINS and add <script src="${publicOrigin(config)}${PUBLIC_ROUTES.widget}" defer></script> to its pages; the bot's own page ${publicOrigin(config)}/ shows a demo.`,
    },
  ],
  twitter: (_config: BuildConfig): Steps => [
    {
      title: 'Give the X app Read and write permission',
      detail:
        "In the app's User authentication settings, enable OAuth 1.0a with Read and write, then regenerate the bot account's Access Token and Secret (tokens made before stay read-only) into TWITTER_ACCESS_TOKEN and TWITTER_ACCESS_SECRET.",
      url: 'https://developer.x.com/en/portal/dashboard',
    },
  ],
  cli: (config: BuildConfig): Steps => [
    {
      title: 'Chat with the bot in a terminal',
      detail:
        'The terminal chat needs no account or token; it runs on your machine, not on the host.',
      command: packageManagerOf(config).run('chat'),
    },
  ],
} as const;
