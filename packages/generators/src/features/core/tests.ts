import type { GeneratedFile } from '../../types';

const CORE_TEST = `import { beforeEach, describe, expect, it } from 'vitest';
import { type Bot, type IncomingMessage, createBot, parseCommand } from '../src/core/index.js';
import { MemorySessionStore } from '../src/sessions/index.js';

function message(text: string, conversationId = 'test:1'): IncomingMessage {
  return { platform: 'test', conversationId, userId: 'u1', userName: 'Ada', text };
}

describe('bot core', () => {
  let sessions: MemorySessionStore;
  let bot: Bot;

  beforeEach(() => {
    sessions = new MemorySessionStore({ ttlSeconds: 60 });
    bot = createBot({ info: { name: 'Test Bot', description: 'Helps with tests.' }, sessions });
  });

  it('greets on /start with the bot name and description', async () => {
    const replies = await bot.handleMessage(message('/start'));
    expect(replies[0]?.text).toBe('Hi Ada, I am Test Bot.');
    expect(replies.map((r) => r.text)).toContain('Helps with tests.');
  });

  it('lists every command on /help', async () => {
    const [reply] = await bot.handleMessage(message('/help'));
    for (const name of ['start', 'help', 'reset']) expect(reply?.text).toContain('/' + name);
  });

  it('answers an unknown command with a hint', async () => {
    const [reply] = await bot.handleMessage(message('/nope'));
    expect(reply?.text).toMatch(/\\/help/);
  });

  it('remembers the previous message of the same conversation only', async () => {
    await bot.handleMessage(message('first'));
    const replies = await bot.handleMessage(message('second'));
    expect(replies.map((r) => r.text)).toEqual(['You said: second', 'Before that you said: first']);
    const other = await bot.handleMessage(message('hello', 'test:2'));
    expect(other).toEqual([{ text: 'You said: hello' }]);
  });

  it('forgets the conversation on /reset', async () => {
    await bot.handleMessage(message('remember me'));
    expect((await sessions.get('test:1'))?.messageCount).toBe(1);
    await bot.handleMessage(message('/reset'));
    expect(await sessions.get('test:1')).toBeUndefined();
    expect(await bot.handleMessage(message('again'))).toEqual([{ text: 'You said: again' }]);
  });

  it('ignores empty messages', async () => {
    expect(await bot.handleMessage(message('   '))).toEqual([]);
  });

  it('parses commands with arguments and a bot name suffix', () => {
    expect(parseCommand('/Help@my_bot  some args ')).toEqual({ name: 'help', args: 'some args' });
    expect(parseCommand('not a command')).toBeNull();
  });
});
`;

const SESSIONS_TEST = `import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MemorySessionStore } from '../src/sessions/index.js';

describe('MemorySessionStore', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const session = { messageCount: 1, startedAt: 0 };

  it('returns a session until its TTL passes', async () => {
    const store = new MemorySessionStore({ ttlSeconds: 60 });
    await store.set('c1', session);
    vi.advanceTimersByTime(59_999);
    expect(await store.get('c1')).toEqual(session);
    vi.advanceTimersByTime(1);
    expect(await store.get('c1')).toBeUndefined();
  });

  it('slides the TTL forward on every write', async () => {
    const store = new MemorySessionStore({ ttlSeconds: 60 });
    await store.set('c1', session);
    vi.advanceTimersByTime(50_000);
    await store.set('c1', { ...session, messageCount: 2 });
    vi.advanceTimersByTime(50_000);
    expect((await store.get('c1'))?.messageCount).toBe(2);
  });

  it('deletes sessions', async () => {
    const store = new MemorySessionStore({ ttlSeconds: 60 });
    await store.set('c1', session);
    await store.delete('c1');
    expect(await store.get('c1')).toBeUndefined();
  });

  it('returns copies, so callers cannot change stored sessions by accident', async () => {
    const store = new MemorySessionStore({ ttlSeconds: 60 });
    await store.set('c1', session);
    const copy = await store.get('c1');
    if (copy) copy.messageCount = 99;
    expect((await store.get('c1'))?.messageCount).toBe(1);
  });

  it('drops expired and then the oldest sessions beyond maxEntries', async () => {
    const store = new MemorySessionStore({ ttlSeconds: 60, maxEntries: 2 });
    await store.set('old', session);
    vi.advanceTimersByTime(61_000);
    await store.set('a', session);
    await store.set('b', session);
    expect(store.size).toBe(2);
    await store.set('c', session);
    expect(store.size).toBe(2);
    expect(await store.get('a')).toBeUndefined();
    expect(await store.get('c')).toEqual(session);
  });

  it('rejects a TTL that is not positive', () => {
    expect(() => new MemorySessionStore({ ttlSeconds: 0 })).toThrow(RangeError);
  });
});
`;

/** `test/core.test.ts` and `test/sessions.test.ts` of the generated project. */
export function coreTestFiles(): GeneratedFile[] {
  return [
    { path: 'test/core.test.ts', content: CORE_TEST },
    { path: 'test/sessions.test.ts', content: SESSIONS_TEST },
  ];
}
