import type { BuildConfig } from '@botsmith/shared';

// Slack's manifest limits: app name 35 characters, description 140, command 32.
const MAX_NAME = 35;
const MAX_DESCRIPTION = 140;

// Cut by code points, so a name is never split inside a surrogate pair.
function truncate(text: string, max: number): string {
  return Array.from(text).slice(0, max).join('');
}

/** The slash command the app registers: "/" plus the project name (validated as [a-z0-9._-]). */
export function slackCommandName(config: BuildConfig): string {
  return `/${config.project.name.replaceAll('.', '-').slice(0, 31)}`;
}

/**
 * `slack-app-manifest.json`: paste it into "Create an app → From a manifest" to get the scopes,
 * events, slash command and Socket Mode in one step. User text goes in only through
 * `JSON.stringify`, so it stays data.
 */
export function slackManifest(config: BuildConfig): string {
  const name = truncate(config.project.displayName, MAX_NAME);
  // The first word of the slash command runs a command of src/commands.ts when it names one.
  const withCommands = config.features.includes('commands') || config.features.includes('admin');
  const manifest = {
    display_information: {
      name,
      description: truncate(config.project.description || 'A chat bot.', MAX_DESCRIPTION),
    },
    features: {
      app_home: { messages_tab_enabled: true, messages_tab_read_only_enabled: false },
      bot_user: { display_name: name, always_online: true },
      slash_commands: [
        {
          command: slackCommandName(config),
          description: withCommands
            ? 'Talk to the bot: a command such as help, or any text'
            : 'Talk to the bot',
          usage_hint: withCommands ? '[command | message]' : '[message]',
          should_escape: false,
        },
      ],
    },
    oauth_config: {
      scopes: { bot: ['app_mentions:read', 'chat:write', 'commands', 'im:history'] },
    },
    settings: {
      event_subscriptions: { bot_events: ['app_mention', 'message.im'] },
      interactivity: { is_enabled: false },
      org_deploy_enabled: false,
      socket_mode_enabled: true,
      token_rotation_enabled: false,
    },
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
