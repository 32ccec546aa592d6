/** `test/discord.test.ts`: the adapter's mapping logic, without a network connection. */
export const DISCORD_TEST = `import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../src/commands.js';
import type { Command } from '../src/core/index.js';
import {
  type MessageLike,
  createDiscordClient,
  discordAdapter,
  interactionToIncoming,
  messageToIncoming,
  slashCommandPayloads,
  toDiscordMessages,
} from '../src/platforms/discord.js';

const BOT_ID = '1000';

function message(overrides: Partial<MessageLike> = {}): MessageLike {
  return {
    content: '<@' + BOT_ID + '> hello there',
    channelId: 'c1',
    guildId: 'g1',
    author: { id: 'u1', username: 'ada', globalName: 'Ada', bot: false },
    mentions: { users: new Set([BOT_ID]) },
    ...overrides,
  };
}

describe('Discord adapter mapping', () => {
  it('maps a slash command to a core command message', () => {
    const incoming = interactionToIncoming({
      commandName: 'help',
      channelId: 'c1',
      user: { id: 'u1', username: 'ada', globalName: null },
    });
    expect(incoming).toEqual({
      platform: 'discord',
      conversationId: 'discord:c1:u1',
      userId: 'u1',
      userName: 'ada',
      text: '/help',
    });
  });

  it('maps a server message that mentions the bot, without the mention', () => {
    expect(messageToIncoming(message(), BOT_ID)).toMatchObject({
      text: 'hello there',
      userName: 'Ada',
      conversationId: 'discord:c1:u1',
    });
    const legacy = message({ content: 'hey <@!' + BOT_ID + '>' });
    expect(messageToIncoming(legacy, BOT_ID)?.text).toBe('hey');
  });

  it('ignores bots and server messages that do not mention the bot', () => {
    const fromBot = message({ author: { id: 'b', username: 'other', bot: true } });
    expect(messageToIncoming(fromBot, BOT_ID)).toBeNull();
    const unrelated = message({ content: 'hi all', mentions: { users: new Set() } });
    expect(messageToIncoming(unrelated, BOT_ID)).toBeNull();
  });

  it('answers direct messages without a mention, and a bare mention with /help', () => {
    const direct = message({ guildId: null, content: 'hi', mentions: { users: new Set() } });
    expect(messageToIncoming(direct, BOT_ID)?.text).toBe('hi');
    expect(messageToIncoming(message({ content: '<@' + BOT_ID + '>' }), BOT_ID)?.text).toBe('/help');
  });

  it('splits long replies at word breaks within the message limit', () => {
    const messages = toDiscordMessages([{ text: 'word '.repeat(10) }, { text: 'short' }], 12);
    expect(messages.every((m) => m.length <= 12)).toBe(true);
    expect(messages.join(' ')).toBe(Array(10).fill('word').join(' ') + ' short');
    expect(toDiscordMessages([{ text: 'x'.repeat(25) }], 10)).toEqual(['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)]);
  });

  it('passes the option value and the user locale on to the core', () => {
    const incoming = interactionToIncoming({
      commandName: 'lang',
      channelId: 'c1',
      locale: 'es-ES',
      user: { id: 'u1', username: 'ada' },
      options: { data: [{ name: 'language', value: 'es' }] },
    });
    expect(incoming).toMatchObject({ text: '/lang es', locale: 'es-ES' });
  });

  it('registers one valid slash command per core command', () => {
    const payloads = slashCommandPayloads(COMMANDS);
    expect(payloads.map((p) => p.name)).toEqual(COMMANDS.map((c) => c.name));
    for (const payload of payloads) {
      expect(payload.name).toMatch(/^[-_a-z0-9]{1,32}$/);
      expect(payload.description.length).toBeGreaterThan(0);
      expect(payload.description.length).toBeLessThanOrEqual(100);
    }
  });

  it('describes arguments as string options and hides admin commands from members', () => {
    const command: Command = {
      name: 'say',
      description: 'Say something',
      adminOnly: true,
      argument: { name: 'text', description: 'What to say', required: true },
      run: () => [],
    };
    const [payload] = slashCommandPayloads([command]);
    expect(payload).toMatchObject({ default_member_permissions: '0', options: [{ name: 'text', required: true }] });
  });

  it('needs DISCORD_TOKEN and builds a client without connecting', async () => {
    expect(discordAdapter.requiredEnv).toEqual(['DISCORD_TOKEN']);
    const client = createDiscordClient();
    expect(client.isReady()).toBe(false);
    await client.destroy();
  });
});
`;
