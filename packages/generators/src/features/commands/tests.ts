import { source } from '../../lib/text';

/** `test/commands.test.ts`: the built-in commands through the real bot core. */
export function commandsTest(withSessions: boolean): string {
  return source(
    "import { describe, expect, it } from 'vitest';",
    "import { COMMANDS } from '../src/commands.js';",
    "import { createBot, type IncomingMessage } from '../src/core/index.js';",
    withSessions && "import { MemorySessionStore } from '../src/sessions/index.js';",
    '',
    'function message(text: string): IncomingMessage {',
    "  return { platform: 'test', conversationId: 'test:1', userId: 'u1', userName: 'Ada', text };",
    '}',
    '',
    "const info = { name: 'Test Bot', description: 'Helps with tests.' };",
    '',
    "describe('built-in commands', () => {",
    "  it('greets on /start with the bot name and description', async () => {",
    "    const replies = await createBot({ info, commands: COMMANDS }).handleMessage(message('/start'));",
    "    expect(replies[0]?.text).toBe('Hi Ada, I am Test Bot.');",
    "    expect(replies.map((r) => r.text)).toContain('Helps with tests.');",
    '  });',
    '',
    "  it('lists every command that is not admin-only on /help', async () => {",
    "    const [reply] = await createBot({ info, commands: COMMANDS }).handleMessage(message('/help'));",
    '    for (const command of COMMANDS.filter((c) => !c.adminOnly)) {',
    "      expect(reply?.text).toContain('/' + command.name);",
    '    }',
    '  });',
    withSessions && '',
    withSessions && "  it('forgets the conversation on /reset', async () => {",
    withSessions && '    const sessions = new MemorySessionStore({ ttlSeconds: 60 });',
    withSessions && '    const bot = createBot({ info, commands: COMMANDS, sessions });',
    withSessions && "    await bot.handleMessage(message('remember me'));",
    withSessions && "    expect((await sessions.get('test:1'))?.messageCount).toBe(1);",
    withSessions &&
      "    expect((await bot.handleMessage(message('/reset')))[0]?.text).toMatch(/forgotten/);",
    withSessions && "    expect(await sessions.get('test:1')).toBeUndefined();",
    withSessions &&
      "    expect(await bot.handleMessage(message('again'))).toEqual([{ text: 'You said: again' }]);",
    withSessions && '  });',
    '});',
  );
}
