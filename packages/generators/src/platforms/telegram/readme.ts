import type { ReadmeSection } from '../../types';

/** The README's Telegram section: BotFather, long polling locally, the verified webhook in production. */
export function telegramReadme(): ReadmeSection {
  return {
    order: 21,
    title: 'Telegram setup',
    body: [
      '1. In Telegram, open [@BotFather](https://t.me/BotFather), send `/newbot`, pick a name and a username ending in `bot`, and copy the token into `TELEGRAM_BOT_TOKEN` in `.env`. Anyone with the token controls the bot.',
      '2. Run `npm run dev`. Without `TELEGRAM_WEBHOOK_URL` the bot uses **long polling**: no public URL is needed. At start it registers `/start`, `/help` and `/reset` as the command menu (`setMyCommands`).',
      '3. Talk to the bot in a private chat. In groups, Telegram privacy mode only delivers commands and messages that mention the bot, which is what it answers.',
      '4. **Production (webhook):** serve the bot over HTTPS and set `TELEGRAM_WEBHOOK_URL` to the public URL of `/webhooks/telegram` (for example `https://bot.example.com/webhooks/telegram`) and `TELEGRAM_WEBHOOK_SECRET` to a random string of 1-256 letters, digits, `_` or `-` (`openssl rand -hex 32`). At start the bot calls `setWebhook` with that secret; Telegram then sends it in the `X-Telegram-Bot-Api-Secret-Token` header of every update, and requests without the right value are refused with 401.',
      '5. To go back to long polling, unset `TELEGRAM_WEBHOOK_URL`: the next start removes the webhook.',
      '6. **Start and concurrency:** at start the bot calls `getMe` and must reach the Bot API within `PLATFORM_START_TIMEOUT_MS` (default 15000); otherwise Telegram is marked failed with "Telegram: could not reach <root> within 15 s (…)" while other platforms keep running. `TELEGRAM_API_ROOT` (default `https://api.telegram.org`) points it at a [local Bot API server](https://core.telegram.org/bots/api#using-a-local-bot-api-server) or a test fake. Long polling runs through grammY\'s runner: messages of one chat are answered in order, different chats at the same time, so one slow answer never keeps another user waiting.',
    ].join('\n'),
  };
}
