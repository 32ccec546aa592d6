import { source } from '../../lib/text';

/** `test/preferences.test.ts`: preferences survive conversations, /reset and a new bot. */
export function preferencesTest(withCommands: boolean, withLanguages: boolean): string {
  return source(
    "import { describe, expect, it } from 'vitest';",
    "import { createBot, type IncomingMessage } from '../src/core/index.js';",
    withCommands &&
      "import { preferenceCommands, readPreferencesTtlSeconds } from '../src/preferences/index.js';",
    !withCommands && "import { readPreferencesTtlSeconds } from '../src/preferences/index.js';",
    "import { MemorySessionStore, type UserPreferences } from '../src/sessions/index.js';",
    '',
    "function message(text: string, conversationId = 'test:1'): IncomingMessage {",
    "  return { platform: 'test', conversationId, userId: 'u1', text };",
    '}',
    '',
    '// One store shared by two bots stands in for a restart with Redis or PostgreSQL behind it.',
    'function setup() {',
    '  const preferences = new MemorySessionStore<UserPreferences>({ ttlSeconds: 3600 });',
    '  const newBot = () =>',
    '    createBot({',
    "      info: { name: 'Test', description: 'Tests.' },",
    withCommands && '      commands: preferenceCommands,',
    '      preferences,',
    '    });',
    '  return { preferences, newBot };',
    '}',
    '',
    "describe('user preferences', () => {",
    "  it('follow the user across conversations', async () => {",
    '    const { preferences, newBot } = setup();',
    '    const bot = newBot();',
    "    await bot.handleMessage(message('hi', 'test:1'));",
    "    await bot.handleMessage(message('hi', 'test:2'));",
    "    expect((await preferences.get('test:u1'))?.messageCount).toBe(2);",
    '  });',
    withCommands && '',
    withCommands && "  it('are shown by /me and deleted by /forgetme', async () => {",
    withCommands && '    const { preferences, newBot } = setup();',
    withCommands && '    const bot = newBot();',
    withCommands &&
      "    expect((await bot.handleMessage(message('/me')))[0]?.text).toMatch(/1 message/);",
    withCommands && "    await bot.handleMessage(message('/forgetme'));",
    withCommands && "    expect(await preferences.get('test:u1')).toBeUndefined();",
    withCommands && '  });',
    withLanguages && '',
    withLanguages &&
      "  it('remember the language chosen with /lang after a restart', async () => {",
    withLanguages && '    const { newBot } = setup();',
    withLanguages &&
      "    expect((await newBot().handleMessage(message('/lang es')))[0]?.text).toMatch(/español/);",
    withLanguages &&
      "    const [reply] = await newBot().handleMessage(message('hola', 'test:other'));",
    withLanguages && "    expect(reply?.text).toBe('Dijiste: hola');",
    withLanguages &&
      "    expect((await newBot().handleMessage(message('/lang xx')))[0]?.text).toMatch(/en, es, de/);",
    withLanguages && '  });',
    '',
    "  it('read PREFERENCES_TTL_SECONDS', () => {",
    "    expect(readPreferencesTtlSeconds({ PREFERENCES_TTL_SECONDS: '60' })).toBe(60);",
    "    expect(() => readPreferencesTtlSeconds({ PREFERENCES_TTL_SECONDS: '-1' })).toThrow();",
    '  });',
    '});',
  );
}
