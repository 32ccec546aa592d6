/** `src/platforms/twitter.ts` of the generated project: answers mentions by polling. */
export const TWITTER_ADAPTER = `import { type Bot, type IncomingMessage, type Reply, replyAsText } from '../core/index.js';
import { envNumbers } from '../env.js';
import { holdLease, leaseStore } from '../lease/index.js';
import { log } from '../log.js';
import type { Service } from '../runtime.js';
import { splitText } from './split-text.js';
import { createXClient, isRateLimitError, type Mention, retryDelayMs, type XClient } from './twitter-client.js';

/** Characters in one post. X weighs some characters (CJK, emoji) double; keep replies short. */
export const POST_LIMIT = 280;
/** Only the instance holding this lease polls, so a mention is never answered twice. */
export const TWITTER_MENTIONS_LEASE = 'twitter-mentions';

/** Drops the @handles a reply starts with ("@bot @ada hi" reads "hi"); a bare mention asks for /help. */
export function mentionToIncoming(mention: Mention, botUserId: string): IncomingMessage | null {
  if (mention.authorId === botUserId || mention.authorId === '') return null;
  const text = mention.text.replace(/^(?:\\s*@\\w+)+/, '').trim();
  return {
    platform: 'twitter',
    conversationId: 'twitter:' + mention.threadId + ':' + mention.authorId,
    userId: mention.authorId,
    text: text === '' ? '/help' : text,
  };
}

/**
 * Replies as posts of at most 280 characters, choices listed as text to reply with. An @ before a name gets a zero-width space, so
 * echoing "@someone" cannot make the bot mention, and notify, a third person.
 */
export function toPosts(replies: readonly Reply[]): string[] {
  const text = replies.map(replyAsText).join('\\n').replace(/@(?=\\w)/g, '@\\u200B');
  return splitText(text, POST_LIMIT);
}

/** The poll interval from TWITTER_POLL_INTERVAL_SECONDS (default 60, at least 15). */
export function readPollIntervalMs(env: NodeJS.ProcessEnv): number {
  return envNumbers(env).TWITTER_POLL_INTERVAL_SECONDS * 1000;
}

/**
 * Polls mentions with since_id and answers each one once, oldest first. The first poll only
 * records the newest mention, so a restart does not answer old mentions again; since_id lives
 * in memory, so mentions that arrive while the bot is down are skipped.
 */
export class MentionPoller {
  #sinceId: string | undefined;
  #started = false;

  constructor(
    private readonly bot: Bot,
    private readonly client: XClient,
    private readonly me: { id: string; username: string },
  ) {}

  get sinceId(): string | undefined {
    return this.#sinceId;
  }

  /**
   * One poll; returns how many mentions were answered. Rate limit errors propagate (the caller
   * waits for the window to reset); other failures skip that mention, so a deleted post cannot
   * block the ones after it.
   */
  async pollOnce(): Promise<number> {
    const { mentions, newestId } = await this.client.mentions(this.me.id, this.#sinceId);
    if (!this.#started) {
      this.#started = true;
      this.#sinceId = newestId ?? this.#sinceId;
      return 0;
    }
    let answered = 0;
    for (const mention of [...mentions].reverse()) {
      const incoming = mentionToIncoming(mention, this.me.id);
      try {
        if (incoming) {
          await this.answer(incoming, mention.id);
          answered += 1;
        }
      } catch (error) {
        if (isRateLimitError(error)) throw error;
        log.error({ err: error, postId: mention.id }, 'X: could not answer a post');
      }
      // Advanced per mention: after a rate limit, polling resumes after the last one handled.
      this.#sinceId = mention.id;
    }
    return answered;
  }

  /** Answers one mention, as a thread of replies when the answer needs several posts. */
  async answer(incoming: IncomingMessage, postId: string): Promise<void> {
    let replyTo = postId;
    for (const post of toPosts(await this.bot.handleMessage(incoming))) {
      replyTo = await this.client.reply(post, replyTo);
    }
  }
}

/** The X adapter: polls mentions every TWITTER_POLL_INTERVAL_SECONDS and backs off on 429. */
export const twitterAdapter: Service = {
  name: 'Twitter / X',
  kind: 'platform',
  requiredEnv: ['TWITTER_API_KEY', 'TWITTER_API_SECRET', 'TWITTER_ACCESS_TOKEN', 'TWITTER_ACCESS_SECRET'],
  async start(bot, env, context) {
    const intervalMs = readPollIntervalMs(env);
    const client = createXClient({
      appKey: env.TWITTER_API_KEY ?? '',
      appSecret: env.TWITTER_API_SECRET ?? '',
      accessToken: env.TWITTER_ACCESS_TOKEN ?? '',
      accessSecret: env.TWITTER_ACCESS_SECRET ?? '',
    });
    const me = await client.me();
    let poller = new MentionPoller(bot, client, me);
    let timer: NodeJS.Timeout | undefined;
    let stopped = false;
    const lease = holdLease(await leaseStore(env), TWITTER_MENTIONS_LEASE, {
      onAcquired: () => {
        // A fresh poller starts from the newest mention: the other instance answered the older ones.
        poller = new MentionPoller(bot, client, me);
        context?.report({ state: 'running' });
        log.info('X: this instance answers mentions now');
      },
      onLost: () => {
        context?.report({ state: 'standby', reason: 'another instance holds the ' + TWITTER_MENTIONS_LEASE + ' lease' });
        log.warn('X: lost the mentions lease; waiting in standby');
      },
    });
    const loop = async () => {
      let delay = intervalMs;
      try {
        if (lease.held) await poller.pollOnce();
      } catch (error) {
        delay = retryDelayMs(error, intervalMs);
        log.error({ err: error }, 'X: polling mentions failed; retrying in ' + Math.round(delay / 1000) + ' s');
      }
      if (!stopped) timer = setTimeout(loop, delay);
    };
    log.info('X: answering mentions of @' + me.username + ' every ' + intervalMs / 1000 + ' s');
    timer = setTimeout(loop, 0);
    return {
      stop: async () => {
        stopped = true;
        clearTimeout(timer);
        await lease.stop();
      },
    };
  },
};
`;
