import type { GeneratedFile } from '../../types';

// The core is tested on its own terms: commands, plugins and stores defined in the test, so
// these tests hold whichever features were generated.
/** `test/map-store.ts`: the one in-memory store the generated tests share. */
const MAP_STORE = `import type { SessionStore } from '../src/sessions/session-store.js';

/**
 * A store backed by a Map, so a test needs no store feature. Values are cloned in and out, as
 * a real store serializes them; \`values\` shows what is stored.
 */
export function mapStore<T>(): SessionStore<T> & { values: Map<string, T> } {
  const values = new Map<string, T>();
  return {
    values,
    get: async (id) => structuredClone(values.get(id)),
    set: async (id, value) => void values.set(id, structuredClone(value)),
    delete: async (id) => void values.delete(id),
    // Nothing is awaited between the read and the write, so this is atomic in one process.
    update: async (id, fn) => {
      const value = fn(structuredClone(values.get(id)));
      values.set(id, structuredClone(value));
      return structuredClone(value);
    },
  };
}
`;

const CORE_TEST = `import { describe, expect, it } from 'vitest';
import {
  type BotEvent,
  type BotOptions,
  type Command,
  type IncomingMessage,
  createBot,
  parseCommand,
} from '../src/core/index.js';
import type { Session, UserPreferences } from '../src/sessions/session-store.js';
import { mapStore } from './map-store.js';

function message(text: string, conversationId = 'test:1', userId = 'u1'): IncomingMessage {
  return { platform: 'test', conversationId, userId, userName: 'Ada', text };
}

const info = { name: 'Test Bot', description: 'Helps with tests.' };
const echoArgs: Command = { name: 'echo', description: 'Repeat', run: ({ args }) => [{ text: 'echo:' + args }] };
const secret: Command = { name: 'secret', description: 'Admins only', adminOnly: true, run: () => [{ text: 'ok' }] };

function bot(options: Partial<BotOptions> = {}) {
  return createBot({ info, commands: [echoArgs, secret], ...options });
}

describe('bot core', () => {
  it('echoes free text and remembers the previous message of the same conversation', async () => {
    const sessions = mapStore<Session>();
    const subject = bot({ sessions });
    expect(await subject.handleMessage(message('first'))).toEqual([{ text: 'You said: first' }]);
    const replies = await subject.handleMessage(message('second'));
    expect(replies.map((r) => r.text)).toEqual(['You said: second', 'Before that you said: first']);
    expect(await subject.handleMessage(message('hello', 'test:2'))).toEqual([{ text: 'You said: hello' }]);
    expect((await sessions.get('test:1'))?.messageCount).toBe(2);
  });

  it('forgets everything between messages without a session store', async () => {
    const subject = bot();
    await subject.handleMessage(message('first'));
    expect(await subject.handleMessage(message('second'))).toEqual([{ text: 'You said: second' }]);
  });

  it('runs commands with arguments and hints at unknown ones', async () => {
    expect(await bot().handleMessage(message('/echo  a b '))).toEqual([{ text: 'echo:a b' }]);
    const [reply] = await bot().handleMessage(message('/nope'));
    expect(reply?.text).toMatch(/\\/nope/);
  });

  it('treats "/text" as free text when no commands are registered', async () => {
    const subject = createBot({ info });
    expect(subject.commands).toEqual([]);
    expect(await subject.handleMessage(message('/start'))).toEqual([{ text: 'You said: /start' }]);
  });

  it('marks the replies of a private command private and keeps only showable choices', async () => {
    const mine: Command = {
      name: 'mine',
      description: 'Own data',
      private: true,
      run: () => [{ text: 'yours', choices: [{ label: 'Again', value: '/mine' }, { label: '', value: '/x' }] }],
    };
    const replies = await createBot({ info, commands: [mine] }).handleMessage(message('/mine'));
    expect(replies).toEqual([{ text: 'yours', private: true, choices: [{ label: 'Again', value: '/mine' }] }]);
  });

  it('lets only admins run admin-only commands', async () => {
    expect((await bot().handleMessage(message('/secret')))[0]?.text).toMatch(/admin/i);
    const admin = bot({ isAdmin: (m) => m.userId === 'u1' });
    expect(await admin.handleMessage(message('/secret'))).toEqual([{ text: 'ok' }]);
  });

  it('lets a plugin stop a message, another answer it, and reports events', async () => {
    const events: BotEvent[] = [];
    const subject = bot({
      plugins: [
        { name: 'observer', observe: (event) => events.push(event) },
        { name: 'filter', before: ({ message }) => (message.text.includes('spam') ? { reason: 'spam', replies: [] } : undefined) },
        { name: 'answerer', answer: async ({ message }) => [{ text: 'answer to ' + message.text }] },
      ],
    });
    expect(await subject.handleMessage(message('buy spam'))).toEqual([]);
    expect(await subject.handleMessage(message('hi'))).toEqual([{ text: 'answer to hi' }]);
    await subject.handleMessage(message('/echo x'));
    expect(events.map((e) => e.type)).toEqual(['blocked', 'message', 'message']);
    expect(events[2]).toMatchObject({ kind: 'command', command: 'echo' });
  });

  it('answers failures with a friendly message and an error event', async () => {
    const events: BotEvent[] = [];
    const broken: Command = { name: 'broken', description: 'Fails', run: () => { throw new Error('boom'); } };
    const subject = createBot({ info, commands: [broken], plugins: [{ name: 'o', observe: (e) => events.push(e) }] });
    const [reply] = await subject.handleMessage(message('/broken'));
    expect(reply?.text).toMatch(/went wrong/);
    expect(events[0]).toMatchObject({ type: 'error' });
  });

  it('keeps per-user preferences across conversations when given a store', async () => {
    const preferences = mapStore<UserPreferences>();
    const subject = bot({ preferences });
    await subject.handleMessage(message('one', 'test:1'));
    await subject.handleMessage(message('two', 'test:2'));
    expect(preferences.values.get('test:u1')?.messageCount).toBe(2);
  });

  it('ignores empty messages', async () => {
    expect(await bot().handleMessage(message('   '))).toEqual([]);
  });

  it('parses commands with arguments and a bot name suffix', () => {
    expect(parseCommand('/Help@my_bot  some args ')).toEqual({ name: 'help', args: 'some args' });
    expect(parseCommand('not a command')).toBeNull();
  });
});
`;

const NOTIFIER_TEST = `import { describe, expect, it } from 'vitest';
import { type Notifier, Notifiers, type Reply, parseTargets } from '../src/core/index.js';

describe('notifiers', () => {
  it('parses "platform:channel" targets and rejects malformed ones', () => {
    expect(parseTargets(' discord:1, telegram:-100:2 ,')).toEqual([
      { platform: 'discord', channelId: '1' },
      { platform: 'telegram', channelId: '-100:2' },
    ]);
    expect(parseTargets(undefined)).toEqual([]);
    expect(() => parseTargets('nochannel')).toThrow(/platform:channelId/);
  });

  it('sends through the running platform and reports targets it cannot reach', async () => {
    const sent: [string, readonly Reply[]][] = [];
    const discord: Notifier = { platform: 'discord', send: async (id, replies) => void sent.push([id, replies]) };
    const notifiers = new Notifiers();
    notifiers.add(discord);
    const failed = await notifiers.sendAll(parseTargets('discord:1,slack:2'), [{ text: 'hi' }]);
    expect(sent).toEqual([['1', [{ text: 'hi' }]]]);
    expect(failed).toEqual([{ platform: 'slack', channelId: '2' }]);
  });
});
`;

/** `test/core.test.ts` and `test/notifier.test.ts` of the generated project. */
export function coreTestFiles(): GeneratedFile[] {
  return [
    { path: 'test/core.test.ts', content: CORE_TEST },
    { path: 'test/map-store.ts', content: MAP_STORE },
    { path: 'test/notifier.test.ts', content: NOTIFIER_TEST },
  ];
}
