/** `src/platforms/slack.ts` of the generated project: the Bolt adapter. */
export const SLACK_ADAPTER = `import { App, type BlockButtonAction, LogLevel, type types, type webApi } from '@slack/bolt';
import type { Bot, IncomingMessage, Notifier, Reply } from '../core/index.js';
import { mountRoutes } from '../http/server.js';
import { log } from '../log.js';
import { readStartTimeoutMs, reasonOf, type Service, seconds } from '../runtime.js';
import { HonoReceiver } from './slack-receiver.js';

/** Slack's Web API, unless SLACK_API_URL names another (a test's fake); ends with a slash. */
export function readSlackApiUrl(env: NodeJS.ProcessEnv): string {
  const url = env.SLACK_API_URL?.trim() || 'https://slack.com/api/';
  if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) {
    throw new Error('SLACK_API_URL must be an http(s) URL such as https://slack.com/api/, got ' + JSON.stringify(url));
  }
  return url.endsWith('/') ? url : url + '/';
}

/** Where Slack sends events, commands and interactions in HTTP mode. */
export const SLACK_EVENTS_PATH = '/slack/events';

/** Escapes the three characters Slack's mrkdwn treats as markup, so echoed text cannot ping <!channel>. */
export function escapeSlackText(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** All replies as one Slack message, escaped. */
export function toSlackText(replies: readonly Reply[]): string {
  return replies.map((reply) => escapeSlackText(reply.text)).join('\\n');
}

/** Prefix of a choice button's action id; its value is the text the button sends. */
export const CHOICE_ACTION_PREFIX = 'botsmith_choice_';
// Slack's limit for the text of a section block.
const SECTION_TEXT_LIMIT = 3000;

/** One Slack message: the text, plus blocks with buttons when a reply offers choices. */
export function toSlackMessage(replies: readonly Reply[]): { text: string; blocks?: types.KnownBlock[] } {
  const text = toSlackText(replies);
  if (!replies.some((reply) => reply.choices)) return { text };
  const blocks = replies.flatMap((reply): types.KnownBlock[] => {
    const section: types.KnownBlock = {
      type: 'section',
      text: { type: 'mrkdwn', text: escapeSlackText(reply.text).slice(0, SECTION_TEXT_LIMIT) },
    };
    if (!reply.choices) return [section];
    const buttons = reply.choices.map((choice, index) => ({
      type: 'button' as const,
      action_id: CHOICE_ACTION_PREFIX + index,
      text: { type: 'plain_text' as const, text: choice.label },
      value: choice.value,
    }));
    return [section, { type: 'actions', elements: buttons }];
  });
  // The text stays as the notification and screen-reader fallback.
  return { text, blocks };
}

/** Removes user mentions such as <@U0123> from the text of an app_mention. */
export function stripMentions(text: string): string {
  return text.replace(/<@[A-Z0-9]+(?:\\|[^>]*)?>/g, ' ').replace(/\\s+/g, ' ').trim();
}

/**
 * Maps the app's slash command to the core: "/mybot help" runs /help when the first word names
 * a core command, "/mybot" alone asks for /help, anything else is free text.
 */
export function slashCommandToIncoming(
  command: { text: string; user_id: string; user_name: string; channel_id: string },
  commandNames: readonly string[],
): IncomingMessage {
  const text = command.text.trim();
  const [first = '', ...rest] = text.split(/\\s+/);
  const name = first.replace(/^\\//, '').toLowerCase();
  const core = text === '' ? '/help' : commandNames.includes(name) ? ['/' + name, ...rest].join(' ') : text;
  return {
    platform: 'slack',
    conversationId: 'slack:' + command.channel_id + ':' + command.user_id,
    userId: command.user_id,
    userName: command.user_name,
    text: core,
  };
}

/** Maps a mention or a direct message; a bare mention asks for /help. */
export function messageToIncoming(message: { text?: string | undefined; user: string; channel: string }): IncomingMessage {
  const text = stripMentions(message.text ?? '');
  return {
    platform: 'slack',
    conversationId: 'slack:' + message.channel + ':' + message.user,
    userId: message.user,
    text: text === '' ? '/help' : text,
  };
}

/** A pressed choice button: the user sends its value, in the conversation of the channel it was in. */
export function choiceToIncoming(choice: { value: string; user: string; channel: string }): IncomingMessage {
  return { ...messageToIncoming({ user: choice.user, channel: choice.channel }), text: choice.value };
}

/** Posts scheduled messages and broadcasts to a channel id (C0123...); the bot must be a member. */
export function slackNotifier(client: webApi.WebClient): Notifier {
  return {
    platform: 'slack',
    async send(channelId, replies) {
      const message = toSlackMessage(replies);
      if (message.text !== '') await client.chat.postMessage({ channel: channelId, ...message });
    },
  };
}

/** Routes the app's slash command, mentions (answered in thread) and direct messages to the bot. */
export function registerSlackHandlers(app: App, bot: Bot): void {
  const commandNames = bot.commands.map((command) => command.name);
  app.command(/.*/, async ({ command, ack, respond }) => {
    // Acknowledge first: Slack shows an error when a command is not acknowledged within 3 seconds.
    await ack();
    const replies = await bot.handleMessage(slashCommandToIncoming(command, commandNames));
    const message = toSlackMessage(replies);
    await respond({ response_type: 'ephemeral', ...message, text: message.text || 'Done.' });
  });
  app.action<BlockButtonAction>({ type: 'block_actions', action_id: new RegExp('^' + CHOICE_ACTION_PREFIX) }, async ({ ack, body, action, respond }) => {
    // Acknowledged first, within Slack's 3 seconds; the answer follows through the response URL.
    await ack();
    const incoming = choiceToIncoming({ value: action.value ?? '', user: body.user.id, channel: body.channel?.id ?? body.user.id });
    const replies = await bot.handleMessage(incoming);
    if (replies.length > 0) await respond({ replace_original: false, ...toSlackMessage(replies) });
  });
  app.event('app_mention', async ({ event, say }) => {
    if (!event.user || event.bot_id) return;
    const replies = await bot.handleMessage(messageToIncoming({ ...event, user: event.user }));
    if (replies.length > 0) await say({ ...toSlackMessage(replies), thread_ts: event.thread_ts ?? event.ts });
  });
  app.message(async ({ message, say }) => {
    // Only plain messages from people in direct messages; edits, joins and bots have a subtype or bot_id.
    if (message.subtype !== undefined || message.channel_type !== 'im' || message.bot_id) return;
    const replies = await bot.handleMessage(messageToIncoming(message));
    if (replies.length > 0) await say(toSlackMessage(replies));
  });
  app.error(async (error) => {
    log.error({ err: error }, 'Slack: a listener failed');
  });
}

/** Socket Mode with SLACK_APP_TOKEN, else HTTP mode with SLACK_SIGNING_SECRET. */
export type SlackMode = { kind: 'socket'; appToken: string } | { kind: 'http'; signingSecret: string };

export function readSlackMode(env: NodeJS.ProcessEnv): SlackMode {
  if (env.SLACK_APP_TOKEN) return { kind: 'socket', appToken: env.SLACK_APP_TOKEN };
  if (env.SLACK_SIGNING_SECRET) return { kind: 'http', signingSecret: env.SLACK_SIGNING_SECRET };
  throw new Error('Slack: set SLACK_APP_TOKEN for Socket Mode, or SLACK_SIGNING_SECRET for HTTP mode (see README.md)');
}

/**
 * Bolt's own check of the token (auth.test) within timeoutMs. Bolt runs it in the App
 * constructor unless initialization is deferred, and a bad token then rejects where nothing
 * catches it, taking the whole process down after every other platform started.
 */
export async function initWithin(app: App, apiUrl: string, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('Slack: could not reach ' + apiUrl + ' within ' + seconds(timeoutMs))), timeoutMs);
  });
  try {
    await Promise.race([app.init(), timeout]);
  } catch (error) {
    const message = reasonOf(error);
    throw new Error(message.startsWith('Slack:') ? message : 'Slack: the token check (auth.test) failed (' + message + ')');
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The Slack adapter: Socket Mode needs no public URL; HTTP mode serves /slack/events. Events
 * are acknowledged before the bot answers (Bolt acks Events API requests itself, commands ack
 * first), so a slow answer never exceeds Slack's 3 seconds.
 */
export const slackAdapter: Service = {
  name: 'Slack',
  kind: 'platform',
  requiredEnv: ['SLACK_BOT_TOKEN'],
  async start(bot, env) {
    const mode = readSlackMode(env);
    const apiUrl = readSlackApiUrl(env);
    const options = {
      token: env.SLACK_BOT_TOKEN,
      logLevel: LogLevel.WARN,
      // Bolt hands these to its Socket Mode receiver too, so apps.connections.open (which gives
      // the WebSocket URL) asks SLACK_API_URL as well; test/slack.test.ts checks it.
      clientOptions: { slackApiUrl: apiUrl },
      deferInitialization: true,
    };
    let app: App;
    let receiver: HonoReceiver | undefined;
    if (mode.kind === 'socket') {
      app = new App({ ...options, appToken: mode.appToken, socketMode: true });
    } else {
      receiver = new HonoReceiver(mode.signingSecret);
      app = new App({ ...options, receiver });
    }
    await initWithin(app, apiUrl, readStartTimeoutMs(env));
    registerSlackHandlers(app, bot);
    // Mounted only once the token is known good, so a failed Slack serves no routes.
    if (receiver) mountRoutes(SLACK_EVENTS_PATH, receiver.routes);
    await app.start();
    log.info('Slack: ' + (mode.kind === 'socket' ? 'connected in Socket Mode' : 'receiving events at ' + SLACK_EVENTS_PATH));
    return { stop: () => app.stop().then(() => undefined), notifier: slackNotifier(app.client) };
  },
};
`;
