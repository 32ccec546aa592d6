import type { GeneratedFile } from '../../types';

const BOT = `import { resolveLocale, translate } from '../i18n/index.js';
import { log } from '../log.js';
import type { Session, SessionStore, UserPreferences } from '../sessions/session-store.js';
import { normalizeReply } from './choices.js';
import { type Command, CommandRegistry, parseCommand } from './commands.js';
import { Notifiers } from './notifier.js';
import type { BotEvent, BotPlugin, MessageContext, UserRecord } from './plugin.js';
import type { BotInfo, IncomingMessage, Reply } from './types.js';

export interface BotOptions {
  info: BotInfo;
  /** Commands the bot understands; without any, every message is free text. */
  commands?: readonly Command[];
  /** Hooks run in order: moderation stops messages, AI answers them, analytics observes. */
  plugins?: readonly BotPlugin[];
  /** Conversation memory; without it every message stands alone. */
  sessions?: SessionStore;
  /** Per-user preferences that outlive conversations (persistence feature). */
  preferences?: SessionStore<UserPreferences>;
  /** Reply language when neither the user's preference nor the platform names one. */
  defaultLocale?: string;
  /** Who may run admin-only commands; nobody by default. */
  isAdmin?: (message: IncomingMessage) => boolean;
  notifiers?: Notifiers;
}

/** The platform-independent bot: every adapter turns its events into handleMessage calls. */
export interface Bot {
  readonly info: BotInfo;
  readonly commands: readonly Command[];
  /** Channels the bot can post to outside conversations, one per running platform. */
  readonly notifiers: Notifiers;
  handleMessage(message: IncomingMessage): Promise<Reply[]>;
}

async function loadUser(store: SessionStore<UserPreferences>, message: IncomingMessage, now: number): Promise<UserRecord> {
  const key = message.platform + ':' + message.userId;
  // Counted atomically on arrival, so concurrent messages of one user are all counted.
  const preferences = await store.update(key, (stored) => ({
    ...stored,
    firstSeenAt: stored?.firstSeenAt ?? now,
    lastSeenAt: now,
    messageCount: (stored?.messageCount ?? 0) + 1,
  }));
  return { key, preferences, store };
}

/**
 * What a handler changed: the fields of \`after\` that differ from \`before\` (undefined for a
 * removed field). Only these are written back, onto whatever the store holds by then, so a
 * concurrent message's changes to other fields (its count, above all) are kept.
 */
function changes<T extends object>(before: T, after: T): Partial<T> {
  const changed: Partial<T> = {};
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]) as Set<keyof T>;
  for (const key of keys) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changed[key] = after[key];
  }
  return changed;
}

/**
 * Creates the bot. It runs plugins, commands and free-text answers and keeps sessions; it knows
 * nothing about any chat platform. Failures become a friendly reply and an "error" event.
 */
export function createBot(options: BotOptions): Bot {
  const { info, plugins = [], sessions, preferences } = options;
  const registry = new CommandRegistry(options.commands ?? []);
  const commands = registry.list();
  const notifiers = options.notifiers ?? new Notifiers();
  const isAdmin = options.isAdmin ?? (() => false);

  // What each message's context looked like when loaded, so save() writes only its own changes.
  const loaded = new WeakMap<IncomingMessage, { session: Session; user?: UserPreferences }>();

  function reportError(error: unknown, message: IncomingMessage): void {
    // Without an observing plugin (analytics) nothing else would report the failure.
    if (!plugins.some((plugin) => plugin.observe)) log.error({ err: error, platform: message.platform }, 'failed to handle a message');
    emit({ type: 'error', error, platform: message.platform, userId: message.userId });
  }

  function emit(event: BotEvent): void {
    for (const plugin of plugins) {
      try {
        plugin.observe?.(event);
      } catch (error) {
        log.error({ err: error, plugin: plugin.name }, 'a plugin failed to observe an event');
      }
    }
  }

  async function contextFor(message: IncomingMessage): Promise<MessageContext> {
    const now = Date.now();
    // The count moves atomically on arrival: eight messages at once in one conversation count 8.
    const count = (previous: Session | undefined): Session => ({
      ...previous,
      messageCount: (previous?.messageCount ?? 0) + 1,
      startedAt: previous?.startedAt ?? now,
    });
    const session = sessions ? await sessions.update(message.conversationId, count) : count(undefined);
    const user = preferences ? await loadUser(preferences, message, now) : undefined;
    const locale = resolveLocale(user?.preferences.locale, message.locale, options.defaultLocale);
    const t: MessageContext['t'] = (key, params) => translate(locale, key, params);
    loaded.set(message, { session: structuredClone(session), user: user && structuredClone(user.preferences) });
    return {
      message,
      bot: info,
      locale,
      t,
      session,
      sessions,
      user,
      notifiers,
      isAdmin: isAdmin(message),
      reportError: (error) => reportError(error, message),
    };
  }

  async function save(context: MessageContext): Promise<void> {
    const before = loaded.get(context.message);
    if (!before) return;
    const sessionChanges = changes(before.session, context.session);
    if (sessions && Object.keys(sessionChanges).length > 0) {
      // Deleted meanwhile (/reset in another message): this message's view is written back whole.
      await sessions.update(context.message.conversationId, (current) => ({ ...(current ?? context.session), ...sessionChanges }));
    }
    before.session = structuredClone(context.session);
    const { user } = context;
    if (user && before.user) {
      const userChanges = changes(before.user, user.preferences);
      if (Object.keys(userChanges).length > 0) {
        await user.store.update(user.key, (current) => ({ ...(current ?? user.preferences), ...userChanges }));
      }
      before.user = structuredClone(user.preferences);
    }
  }

  async function answer(context: MessageContext, text: string): Promise<Reply[]> {
    for (const plugin of plugins) {
      const replies = await plugin.answer?.(context);
      if (replies) return replies;
    }
    const replies = [{ text: context.t('echo.said', { text }) }];
    const before = context.session.lastMessage;
    if (before !== undefined) replies.push({ text: context.t('echo.before', { text: before }) });
    return replies;
  }

  async function handle(message: IncomingMessage, text: string, started: number): Promise<Reply[]> {
    const context = await contextFor(message);
    const { platform, userId } = message;
    for (const plugin of plugins) {
      const blocked = await plugin.before?.(context);
      if (blocked) {
        emit({ type: 'blocked', reason: blocked.reason, platform, userId });
        return blocked.replies;
      }
    }
    const parsed = registry.size > 0 ? parseCommand(text) : null;
    if (parsed) {
      const command = registry.get(parsed.name);
      // Saved before running, so a command that deletes state (/reset) has the last word.
      await save(context);
      let replies: Reply[];
      if (!command) replies = [{ text: context.t('command.unknown', { name: parsed.name }) }];
      else if (command.adminOnly && !context.isAdmin) replies = [{ text: context.t('command.adminOnly') }];
      else replies = await command.run({ ...context, args: parsed.args, commands });
      if (command?.private) replies = replies.map((reply) => ({ ...reply, private: true }));
      emit({ type: 'message', kind: 'command', command: parsed.name, platform, userId, durationMs: Date.now() - started });
      return replies;
    }
    const replies = await answer(context, text);
    context.session.lastMessage = text;
    await save(context);
    emit({ type: 'message', kind: 'text', platform, userId, durationMs: Date.now() - started });
    return replies;
  }

  async function handleMessage(message: IncomingMessage): Promise<Reply[]> {
    const text = message.text.trim();
    if (text === '') return [];
    try {
      return (await handle(message, text, Date.now())).map(normalizeReply);
    } catch (error) {
      reportError(error, message);
      const locale = resolveLocale(message.locale, options.defaultLocale);
      return [{ text: translate(locale, 'error.generic') }];
    }
  }

  return { info, commands, notifiers, handleMessage };
}
`;

const CORE_INDEX = `export { type Bot, type BotOptions, createBot } from './bot.js';
export { MAX_CHOICES, normalizeReply, replyAsText } from './choices.js';
export { type Command, type CommandContext, CommandRegistry, parseCommand } from './commands.js';
export { type Notifier, Notifiers, parseTargets, type Target } from './notifier.js';
export type { Blocked, BotEvent, BotPlugin, MessageContext, UserRecord } from './plugin.js';
export type { BotInfo, Choice, IncomingMessage, Reply } from './types.js';
`;

/** `src/core/bot.ts` (message → replies) and the `src/core/index.ts` barrel. */
export function botFiles(): GeneratedFile[] {
  return [
    { path: 'src/core/bot.ts', content: BOT },
    { path: 'src/core/index.ts', content: CORE_INDEX },
  ];
}
