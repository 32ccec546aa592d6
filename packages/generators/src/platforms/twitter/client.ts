/** `src/platforms/twitter-client.ts`: the slice of the X API the adapter uses, over twitter-api-v2. */
export const TWITTER_CLIENT = `import { ApiResponseError, TwitterApi } from 'twitter-api-v2';

/** A mention of the bot, reduced to what the adapter needs. */
export interface Mention {
  id: string;
  text: string;
  authorId: string;
  /** The thread the mention belongs to; one conversation per thread and author. */
  threadId: string;
}

/** What the poller needs from X; tests pass a fake. */
export interface XClient {
  me(): Promise<{ id: string; username: string }>;
  /** Mentions newer than sinceId, newest first (X's order), and the newest id seen. */
  mentions(userId: string, sinceId: string | undefined): Promise<{ mentions: Mention[]; newestId?: string }>;
  /** Posts a reply and returns its id. */
  reply(text: string, toTweetId: string): Promise<string>;
}

/** OAuth 1.0a user-context credentials of the bot account: replies need a user context. */
export interface XCredentials {
  appKey: string;
  appSecret: string;
  accessToken: string;
  accessSecret: string;
}

/** An XClient over twitter-api-v2 (GET /2/users/:id/mentions, POST /2/tweets). */
export function createXClient(credentials: XCredentials): XClient {
  const client = new TwitterApi(credentials).v2;
  return {
    async me() {
      const { data } = await client.me();
      return { id: data.id, username: data.username };
    },
    async mentions(userId, sinceId) {
      const page = await client.userMentionTimeline(userId, {
        // Without since_id only the newest few are needed, to find where to start.
        ...(sinceId ? { since_id: sinceId, max_results: 100 } : { max_results: 5 }),
        'tweet.fields': ['author_id', 'conversation_id'],
      });
      const mentions = page.tweets.map((tweet) => ({
        id: tweet.id,
        text: tweet.text,
        authorId: tweet.author_id ?? '',
        threadId: tweet.conversation_id ?? tweet.id,
      }));
      const newestId = page.meta.newest_id;
      return newestId ? { mentions, newestId } : { mentions };
    },
    async reply(text, toTweetId) {
      const { data } = await client.reply(text, toTweetId);
      return data.id;
    },
  };
}

/** Whether X refused a request for exceeding a rate limit (HTTP 429). */
export function isRateLimitError(error: unknown): boolean {
  return error instanceof ApiResponseError && error.rateLimitError;
}

/**
 * How long to wait after a failed request: until the rate limit window resets on 429 (X sends
 * x-rate-limit-reset), otherwise twice the usual interval, capped at 15 minutes.
 */
export function retryDelayMs(error: unknown, intervalMs: number, now = Date.now()): number {
  if (isRateLimitError(error)) {
    const reset = (error as ApiResponseError).rateLimit?.reset;
    if (reset) return Math.max(reset * 1000 - now + 1000, intervalMs);
    return 15 * 60_000;
  }
  return Math.min(intervalMs * 2, 15 * 60_000);
}
`;
