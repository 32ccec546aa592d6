/** `test/twitter.test.ts`: mention mapping, since_id polling and rate-limit back-off, with a fake client. */
export const TWITTER_TEST = `import { ApiResponseError } from 'twitter-api-v2';
import { describe, expect, it, vi } from 'vitest';
import { createBot } from '../src/core/index.js';
import { log } from '../src/log.js';
import { MentionPoller, mentionToIncoming, readPollIntervalMs, toPosts } from '../src/platforms/twitter.js';
import { type Mention, retryDelayMs, type XClient } from '../src/platforms/twitter-client.js';

const ME = { id: '1', username: 'test_bot' };
const mention = (id: string, text: string, authorId = '7'): Mention => ({ id, text, authorId, threadId: id });

function rateLimited(resetSeconds: number): ApiResponseError {
  return new ApiResponseError('Too Many Requests', {
    code: 429,
    data: { title: 'Too Many Requests', detail: 'Too Many Requests', type: 'about:blank' } as never,
    headers: {},
    rateLimit: { limit: 10, remaining: 0, reset: resetSeconds },
    request: {} as never,
    response: {} as never,
  });
}

/** A fake X: serves queued mention pages and records replies. */
function fakeClient(pages: Mention[][]) {
  const replies: { text: string; to: string }[] = [];
  const sinceIds: (string | undefined)[] = [];
  const client: XClient = {
    me: async () => ME,
    mentions: async (_userId, sinceId) => {
      sinceIds.push(sinceId);
      const mentions = pages.shift() ?? [];
      return mentions[0] ? { mentions, newestId: mentions[0].id } : { mentions };
    },
    reply: vi.fn(async (text: string, to: string) => {
      replies.push({ text, to });
      return 'r' + replies.length;
    }),
  };
  return { client, replies, sinceIds };
}

const newBot = () => createBot({ info: { name: 'Test', description: 'Test bot.' } });

describe('X mention mapping', () => {
  it('drops leading handles and ignores the bot itself', () => {
    expect(mentionToIncoming(mention('5', '@test_bot @ada hello'), ME.id)).toEqual({
      platform: 'twitter', conversationId: 'twitter:5:7', userId: '7', text: 'hello',
    });
    expect(mentionToIncoming(mention('5', '@test_bot'), ME.id)?.text).toBe('/help');
    expect(mentionToIncoming(mention('5', '@test_bot hi', ME.id), ME.id)).toBeNull();
  });

  it('keeps posts within 280 characters and never mentions third parties', () => {
    const posts = toPosts([{ text: 'You said: hi @elonmusk' }, { text: 'x '.repeat(200) }]);
    expect(posts.every((post) => post.length <= 280)).toBe(true);
    expect(posts[0]).toContain('@\\u200Belonmusk');
    expect(posts.join('')).not.toMatch(/@\\w/);
  });

  it('lists choices in the post, since X has no buttons', () => {
    expect(toPosts([{ text: 'Language?', choices: [{ label: 'Deutsch', value: '/lang de' }] }])).toEqual(['Language?\\n- Deutsch: /lang de']);
  });

  it('reads the poll interval', () => {
    expect(readPollIntervalMs({})).toBe(60_000);
    expect(readPollIntervalMs({ TWITTER_POLL_INTERVAL_SECONDS: '120' })).toBe(120_000);
    expect(() => readPollIntervalMs({ TWITTER_POLL_INTERVAL_SECONDS: '1' })).toThrow(/15/);
  });
});

describe('MentionPoller', () => {
  it('starts after the newest mention, then answers new ones oldest first with since_id', async () => {
    const { client, replies, sinceIds } = fakeClient([[mention('10', '@test_bot old')], [mention('12', '@test_bot second'), mention('11', '@test_bot first')], []]);
    const poller = new MentionPoller(newBot(), client, ME);
    expect(await poller.pollOnce()).toBe(0);
    expect(await poller.pollOnce()).toBe(2);
    expect(await poller.pollOnce()).toBe(0);
    expect(sinceIds).toEqual([undefined, '10', '12']);
    expect(replies).toEqual([{ text: 'You said: first', to: '11' }, { text: expect.stringContaining('second'), to: '12' }]);
  });

  it('stops at a rate limit and resumes after the last mention it handled', async () => {
    const { client, sinceIds } = fakeClient([[], [mention('21', '@test_bot a'), mention('20', '@test_bot b')], []]);
    const poller = new MentionPoller(newBot(), client, ME);
    await poller.pollOnce();
    vi.mocked(client.reply).mockResolvedValueOnce('r1').mockRejectedValueOnce(rateLimited(0));
    await expect(poller.pollOnce()).rejects.toBeInstanceOf(ApiResponseError);
    expect(poller.sinceId).toBe('20');
  });

  it('skips a mention it cannot answer for other reasons', async () => {
    const { client } = fakeClient([[], [mention('31', '@test_bot b'), mention('30', '@test_bot a')]]);
    const poller = new MentionPoller(newBot(), client, ME);
    await poller.pollOnce();
    vi.mocked(client.reply).mockRejectedValueOnce(new Error('deleted'));
    const logged = vi.spyOn(log, 'error').mockImplementation(() => undefined);
    expect(await poller.pollOnce()).toBe(1);
    expect(poller.sinceId).toBe('31');
    expect(logged).toHaveBeenCalledOnce();
    logged.mockRestore();
  });

  it('waits for the rate limit window to reset on 429, and backs off otherwise', () => {
    const now = 1_000_000;
    expect(retryDelayMs(rateLimited(now / 1000 + 600), 60_000, now)).toBe(601_000);
    expect(retryDelayMs(new Error('network'), 60_000, now)).toBe(120_000);
    expect(retryDelayMs(new Error('network'), 600_000, now)).toBe(900_000);
  });
});
`;
