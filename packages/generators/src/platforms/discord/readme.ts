import type { ReadmeSection } from '../../types';

// Send Messages (2048) + Read Message History (65536, needed to reply to a message).
const INVITE_PERMISSIONS = 2048 + 65536;

/** The README's Discord setup section: portal, token, intents, invite, command registration. */
export function discordReadme(): ReadmeSection {
  return {
    order: 20,
    title: 'Discord setup',
    body: [
      '1. Open the [Discord Developer Portal](https://discord.com/developers/applications), choose **New Application** and name it.',
      '2. On **General Information**, copy the **Application ID** into `DISCORD_CLIENT_ID` in `.env`.',
      '3. On **Bot**, choose **Reset Token** and copy the token into `DISCORD_TOKEN`. Treat it like a password: anyone with it controls the bot.',
      '4. Intents: the bot uses only the non-privileged `Guilds`, `GuildMessages` and `DirectMessages` intents. Discord delivers the text of direct messages and of messages that mention the bot without the privileged **Message Content** intent, so leave it off unless you change the bot to read every message.',
      `5. Invite the bot: on **OAuth2 → URL Generator** tick the scopes \`bot\` and \`applications.commands\` and the permissions **Send Messages** and **Read Message History**, then open the generated URL. Or use \`https://discord.com/oauth2/authorize?client_id=YOUR_APPLICATION_ID&scope=bot+applications.commands&permissions=${INVITE_PERMISSIONS}\`.`,
      '6. Register the slash commands: `npm run deploy-commands`. Set `DISCORD_GUILD_ID` to a server id to register them for that server only while developing; leave it empty to register them globally. Run it again whenever you change commands.',
      '7. Start the bot with `npm run dev`, then use `/start`, `/help` and `/reset`, mention the bot in a channel, or send it a direct message.',
    ].join('\n'),
  };
}
