/** `test/moderation.test.ts`: the filter, the limiter and the plugin through the bot core. */
export const MODERATION_TEST = `import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type BotEvent, type IncomingMessage, createBot } from '../src/core/index.js';
import { RateLimiter, WordFilter, createModerationPlugin, parseWordList, readWordList } from '../src/moderation/index.js';

describe('WordFilter', () => {
  const filter = new WordFilter(['bad', 'Very Rude', 'ass']);

  it('matches whole words in any case and look-alike form', () => {
    expect(filter.find('this is BAD!')).toBe('bad');
    expect(filter.find('ｂａｄ idea')).toBe('bad');
    expect(filter.find('a classy badge')).toBeUndefined();
  });

  it('matches phrases across punctuation and spacing', () => {
    expect(filter.find('that was   very, rude')).toBe('very rude');
    expect(filter.find('very polite and rude')).toBeUndefined();
  });

  it('reads lists from text, the environment and a file', () => {
    expect(parseWordList('# comment\\nfoo, bar\\n\\nbaz')).toEqual(['foo', 'bar', 'baz']);
    const file = join(mkdtempSync(join(tmpdir(), 'words-')), 'words.txt');
    writeFileSync(file, 'one\\ntwo\\n');
    expect(readWordList({ BLOCKED_WORDS: 'zero', BLOCKED_WORDS_FILE: file })).toEqual(['zero', 'one', 'two']);
  });
});

describe('RateLimiter', () => {
  it('allows a burst, refuses once with notice, then refills over time', () => {
    let now = 0;
    const limiter = new RateLimiter({ capacity: 2, refillPerMinute: 60, now: () => now });
    expect(limiter.take('u').allowed).toBe(true);
    expect(limiter.take('u').allowed).toBe(true);
    expect(limiter.take('u')).toEqual({ allowed: false, firstRefusal: true });
    expect(limiter.take('u')).toEqual({ allowed: false, firstRefusal: false });
    expect(limiter.take('other').allowed).toBe(true);
    now += 1_000;
    expect(limiter.take('u').allowed).toBe(true);
  });

  it('forgets the least recently active users beyond maxKeys', () => {
    const limiter = new RateLimiter({ capacity: 1, refillPerMinute: 1, maxKeys: 1, now: () => 0 });
    limiter.take('a');
    limiter.take('b');
    expect(limiter.take('a').allowed).toBe(true);
  });
});

describe('moderation plugin', () => {
  function message(text: string, userId = 'u1'): IncomingMessage {
    return { platform: 'test', conversationId: 'test:' + userId, userId, text };
  }

  function setup() {
    const events: BotEvent[] = [];
    const bot = createBot({
      info: { name: 'Test', description: 'Tests.' },
      isAdmin: (m) => m.userId === 'admin',
      plugins: [
        { name: 'events', observe: (event) => events.push(event) },
        createModerationPlugin({
          filter: new WordFilter(['spam']),
          limiter: new RateLimiter({ capacity: 2, refillPerMinute: 1 }),
        }),
      ],
    });
    return { bot, events };
  }

  it('refuses blocked words before the bot answers', async () => {
    const { bot, events } = setup();
    const [reply] = await bot.handleMessage(message('buy SPAM now'));
    expect(reply?.text).toMatch(/blocked word/);
    expect(events).toEqual([{ type: 'blocked', reason: 'word-filter', platform: 'test', userId: 'u1' }]);
  });

  it('warns a flooding user once, then stays silent; admins are exempt', async () => {
    const { bot } = setup();
    await bot.handleMessage(message('one'));
    await bot.handleMessage(message('two'));
    expect((await bot.handleMessage(message('three')))[0]?.text).toMatch(/too quickly/);
    expect(await bot.handleMessage(message('four'))).toEqual([]);
    for (const text of ['a', 'b', 'c']) {
      expect(await bot.handleMessage(message(text, 'admin'))).toEqual([{ text: 'You said: ' + text }]);
    }
  });
});
`;
