/** `test/discord.test.ts`: the adapter's mapping logic, without a network connection. */
export const DISCORD_TEST = `import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../src/commands.js';
import type { Command } from '../src/core/index.js';
import { MessageFlags } from 'discord.js';
import {
  type AnswerableInteraction,
  type MessageLike,
  answerInteraction,
  buttonToIncoming,
  createDiscordClient,
  discordAdapter,
  interactionToIncoming,
  isPrivateText,
  messageToIncoming,
  slashCommandPayloads,
  toDiscordMessages,
  toDiscordPayloads,
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

  it('renders choices as buttons under the last part of their reply, five to a row', () => {
    const choices = Array.from({ length: 7 }, (_, i) => ({ label: 'Option ' + i, value: '/pick ' + i }));
    const [plain, withButtons] = toDiscordPayloads([{ text: 'first' }, { text: 'Pick one', choices }]);
    expect(plain).toEqual({ content: 'first' });
    const rows = withButtons?.components?.map((row) => row.toJSON()) ?? [];
    expect(rows.map((row) => row.components.length)).toEqual([5, 2]);
    expect(rows[1]?.components[1]).toMatchObject({ label: 'Option 6', custom_id: 'choice:/pick 6' });
  });

  it('maps a pressed choice button to its text, in the conversation of who pressed it', () => {
    const source = { channelId: 'c1', user: { id: 'u2', username: 'bob' } };
    expect(buttonToIncoming({ ...source, customId: 'choice:/lang es' })).toMatchObject({
      text: '/lang es',
      conversationId: 'discord:c1:u2',
    });
    expect(buttonToIncoming({ ...source, customId: 'other' })).toBeNull();
  });

  it('knows which texts run a private command', () => {
    const mine: Command = { name: 'mine', description: 'Own data', private: true, run: () => [] };
    expect(isPrivateText('/mine', [mine])).toBe(true);
    expect(isPrivateText('/help', [mine])).toBe(false);
    expect(isPrivateText('mine', [mine])).toBe(false);
  });

  function fakeInteraction() {
    const calls: { method: string; options: unknown }[] = [];
    const interaction: AnswerableInteraction & { calls: typeof calls } = {
      calls,
      deferred: false,
      replied: false,
      async deferReply(options) {
        calls.push({ method: 'deferReply', options });
        (this as { deferred: boolean }).deferred = true;
      },
      async reply(options) {
        calls.push({ method: 'reply', options });
      },
      async editReply(options) {
        calls.push({ method: 'editReply', options });
      },
      async followUp(options) {
        calls.push({ method: 'followUp', options });
      },
    };
    return interaction;
  }

  it('answers a fast private command with an ephemeral reply, and follow-ups ephemeral too', async () => {
    const interaction = fakeInteraction();
    const long = 'word '.repeat(500);
    await answerInteraction(interaction, Promise.resolve([{ text: long, private: true }]), { private: false });
    expect(interaction.calls.map((call) => call.method)).toEqual(['reply', 'followUp']);
    for (const call of interaction.calls) expect(call.options).toMatchObject({ flags: MessageFlags.Ephemeral });
  });

  it('defers a slow command, then edits the deferred reply', async () => {
    const interaction = fakeInteraction();
    let finish: (replies: { text: string }[]) => void = () => undefined;
    const pending = new Promise<{ text: string }[]>((resolve) => {
      finish = resolve;
    });
    const answered = answerInteraction(interaction, pending, { private: true, deferAfterMs: 5 });
    await expect.poll(() => interaction.calls.length).toBe(1);
    expect(interaction.calls[0]).toEqual({ method: 'deferReply', options: { flags: MessageFlags.Ephemeral } });
    finish([{ text: 'slow answer' }]);
    await answered;
    expect(interaction.calls[1]).toMatchObject({ method: 'editReply', options: { content: 'slow answer' } });
  });

  it('needs DISCORD_TOKEN and builds a client without connecting', async () => {
    expect(discordAdapter.requiredEnv).toEqual(['DISCORD_TOKEN']);
    const client = createDiscordClient();
    expect(client.isReady()).toBe(false);
    await client.destroy();
  });
});
`;
