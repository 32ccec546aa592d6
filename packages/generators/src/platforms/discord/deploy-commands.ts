/** `scripts/deploy-commands.ts`: registers the bot's slash commands through Discord's REST API. */
export const DEPLOY_COMMANDS = `// Registers the bot's slash commands with Discord. Run it again whenever commands change:
//   npm run deploy-commands
import { existsSync } from 'node:fs';
import { REST, Routes } from 'discord.js';
import { COMMANDS } from '../src/commands.js';
import { slashCommandPayloads } from '../src/platforms/discord.js';

if (existsSync('.env')) process.loadEnvFile('.env');

const token = process.env.DISCORD_TOKEN;
const clientId = process.env.DISCORD_CLIENT_ID;
const guildId = process.env.DISCORD_GUILD_ID;
if (!token || !clientId) {
  console.error('Set DISCORD_TOKEN and DISCORD_CLIENT_ID first (see .env.example and README.md).');
  process.exit(1);
}

const body = slashCommandPayloads(COMMANDS);
// Commands registered for one server (DISCORD_GUILD_ID) are handy while developing;
// without it they are registered globally, for every server the bot is in.
const route = guildId
  ? Routes.applicationGuildCommands(clientId, guildId)
  : Routes.applicationCommands(clientId);

await new REST().setToken(token).put(route, { body });
console.log(
  'Registered ' + body.length + ' slash commands ' + (guildId ? 'in server ' + guildId : 'globally') + '.',
);
`;
