import type { AiProviderInfo } from './plugin';

/** `test/ai.test.ts`: the plugin through the bot core with a fake client; no network, no key. */
export const AI_TEST = `import { describe, expect, it } from 'vitest';
import { type AiClient, type AiRequest, aiPlugin, createAiPlugin, readAiSettings, trimHistory } from '../src/ai/index.js';
import { SYSTEM_PROMPT } from '../src/ai/system-prompt.js';
import { type BotEvent, type IncomingMessage, createBot } from '../src/core/index.js';
import { mapStore } from './map-store.js';

function message(text: string): IncomingMessage {
  return { platform: 'test', conversationId: 'test:1', userId: 'u1', text };
}

/** Answers "reply N" and records every request it was given. */
function fakeClient(): AiClient & { requests: AiRequest[] } {
  const requests: AiRequest[] = [];
  return {
    requests,
    async reply(request) {
      requests.push(request);
      return 'reply ' + requests.length;
    },
  };
}

function botWith(client: AiClient, timeoutMs = 1_000) {
  const events: BotEvent[] = [];
  const bot = createBot({
    info: { name: 'Test Bot', description: 'Tests.' },
    sessions: mapStore(),
    plugins: [{ name: 'events', observe: (event) => events.push(event) }, createAiPlugin(client, { timeoutMs, historyTurns: 3 })],
  });
  return { bot, events };
}

describe('AI replies', () => {
  it('answers free text with the system prompt and the conversation history', async () => {
    const client = fakeClient();
    const { bot } = botWith(client);
    expect(await bot.handleMessage(message('hello'))).toEqual([{ text: 'reply 1' }]);
    expect(await bot.handleMessage(message('and then?'))).toEqual([{ text: 'reply 2' }]);
    expect(client.requests[0]?.system).toBe(SYSTEM_PROMPT);
    expect(client.requests[1]?.history).toEqual([
      { role: 'user', content: 'hello' },
      { role: 'assistant', content: 'reply 1' },
      { role: 'user', content: 'and then?' },
    ]);
  });

  it('keeps only recent turns, starting with a user turn', () => {
    const turns = ['a', 'b', 'c', 'd'].map((content, i) => ({ role: i % 2 ? 'assistant' : 'user', content }) as const);
    expect(trimHistory(turns, 3).map((t) => t.content)).toEqual(['c', 'd']);
  });

  it('falls back to a friendly reply and reports the error when the provider fails', async () => {
    const { bot, events } = botWith({ reply: async () => { throw new Error('rate limited'); } });
    const [reply] = await bot.handleMessage(message('hello'));
    expect(reply?.text).toMatch(/cannot answer right now/);
    expect(events.some((event) => event.type === 'error')).toBe(true);
  });

  it('gives up after the timeout', async () => {
    const slow: AiClient = {
      reply: ({ signal }) => new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason))),
    };
    const [reply] = await botWith(slow, 50).bot.handleMessage(message('hello'));
    expect(reply?.text).toMatch(/cannot answer right now/);
  });

  it('leaves free text to the bot when no API key is set (the terminal chat without AI)', async () => {
    const bot = createBot({ info: { name: 'Test Bot', description: 'Tests.' }, sessions: mapStore(), plugins: [aiPlugin({})] });
    expect(await bot.handleMessage(message('hello'))).toEqual([{ text: 'You said: hello' }]);
  });

  it('requires the API key and validates numbers', () => {
    expect(() => readAiSettings({})).toThrow(/API_KEY/);
    expect(() => readAiSettings({ OPENAI_API_KEY: 'k', ANTHROPIC_API_KEY: 'k', AI_TIMEOUT_MS: 'fast' })).toThrow(/AI_TIMEOUT_MS/);
  });
});
`;

/** What each provider's API answers, and what its request must hold; the fakes in tests reply with it. */
export const AI_FAKE_RESPONSES: Record<
  AiProviderInfo['id'],
  { path: string; response: string; body: string }
> = {
  openai: {
    path: '/responses',
    response: `{ id: 'resp_1', object: 'response', created_at: 0, status: 'completed', model: 'test-model', output: [{ type: 'message', id: 'msg_1', status: 'completed', role: 'assistant', content: [{ type: 'output_text', text: ' Hello! ', annotations: [] }] }] }`,
    body: `expect(body).toMatchObject({ model: 'test-model', instructions: 'Be brief.', store: false, input: [{ role: 'user', content: 'hi' }] });`,
  },
  anthropic: {
    path: '/messages',
    response: `{ id: 'msg_1', type: 'message', role: 'assistant', model: 'test-model', content: [{ type: 'text', text: ' Hello! ' }], stop_reason: 'end_turn', stop_sequence: null, usage: { input_tokens: 1, output_tokens: 1 } }`,
    body: `expect(body).toMatchObject({ model: 'test-model', system: 'Be brief.', messages: [{ role: 'user', content: 'hi' }] });`,
  },
};

/** `test/<provider>-client.test.ts`: the real SDK call, answered by a fake fetch. */
export function providerClientTest(provider: AiProviderInfo): string {
  const check = AI_FAKE_RESPONSES[provider.id];
  return `import { describe, expect, it } from 'vitest';
import { createProviderClient } from '../src/ai/${provider.id}-client.js';

describe('${provider.label} client', () => {
  it('sends the conversation through the official SDK and returns the text', async () => {
    const requests: { url: string; body: unknown }[] = [];
    const fakeFetch = (async (input: string | URL | Request, init?: RequestInit) => {
      requests.push({ url: String(input instanceof Request ? input.url : input), body: JSON.parse(String(init?.body)) });
      return new Response(JSON.stringify(${check.response}), { status: 200, headers: { 'content-type': 'application/json' } });
    }) as typeof fetch;
    const client = createProviderClient({ apiKey: 'test-key', model: 'test-model', timeoutMs: 5_000, fetch: fakeFetch });
    const text = await client.reply({
      system: 'Be brief.',
      history: [{ role: 'user', content: 'hi' }],
      signal: AbortSignal.timeout(5_000),
    });
    expect(text).toBe('Hello!');
    expect(requests).toHaveLength(1);
    expect(requests[0]?.url.endsWith('${check.path}')).toBe(true);
    const body = requests[0]?.body;
    ${check.body}
  });
});
`;
}
