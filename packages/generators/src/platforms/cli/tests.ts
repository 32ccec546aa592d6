import type { BuildConfig } from '@botsmith/shared';
import { aiProviderOf } from '../../features/ai';
import { tsString } from '../../lib/escape';
import { source } from '../../lib/text';
import { aiOffHint } from './adapter';

/** The chat needs no store server: sessions are off or kept in memory. */
function runsWithoutServices(config: BuildConfig): boolean {
  return !config.features.includes('sessions') || config.sessions.store === 'memory';
}

/** The case that runs `src/chat.ts` as `npm run chat` would, when it needs no service or key. */
function pipedChatCase(config: BuildConfig): string | false {
  const features = new Set(config.features);
  const sessions = features.has('sessions');
  if (features.has('ai') || !runsWithoutServices(config)) return false;
  const withReset = sessions && features.has('commands');
  const input = withReset ? 'hello\\n/reset\\n' : 'hello\\n';
  const output = withReset
    ? 'You said: hello\\nDone: I have forgotten our conversation.\\n'
    : 'You said: hello\\n';
  return `
  it('works as npm run chat with stdin from a pipe', { timeout: 30_000 }, async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/chat.ts'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stdin.end('${input}');
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(stdout).toBe('${output}');
  });`;
}

/**
 * The case that runs `src/chat.ts` without the AI key, typing one line at a time: the chat says
 * AI replies are off and how to enable them, then answers without AI and ends normally.
 */
function chatWithoutAiCase(config: BuildConfig): string | false {
  if (!config.features.includes('ai') || !runsWithoutServices(config)) return false;
  const { keyVariable, keyUrl } = aiProviderOf(config);
  const hint = aiOffHint({ variable: keyVariable, url: keyUrl });
  const command = config.features.includes('commands')
    ? `
    child.stdin.write('/help\\n');
    await output.saw('Commands:');`
    : '';
  return `
  it('chats without ${keyVariable}, saying how to enable AI replies', { timeout: 30_000 }, async () => {
    // An empty value wins over .env, so this holds on a machine with a key configured.
    const env = { ...process.env, ${keyVariable}: '' };
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/chat.ts'], { stdio: ['pipe', 'pipe', 'pipe'], env });
    const output = watch(child);
    const code = new Promise((resolve) => child.on('close', resolve));
    await output.saw(${tsString(hint)});
    child.stdin.write('hello\\n');
    await output.saw('You said: hello');${command}
    child.stdin.end();
    expect(await code).toBe(0);
    expect(output.text().match(/AI replies are off/g)).toHaveLength(1);
  });`;
}

/** Test helper of the case above; a function declaration, so it may follow the tests. */
const WATCH_HELPER = `
/** What the chat writes (stdout and stderr); saw(text) waits for it and fails if the chat ends first. */
function watch(child: ChildProcessWithoutNullStreams) {
  let text = '';
  const waiters = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    text += chunk;
    for (const waiter of waiters) waiter();
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  return {
    text: () => text,
    saw: (expected: string) =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (!text.includes(expected)) return;
          waiters.delete(check);
          resolve();
        };
        waiters.add(check);
        child.once('close', () => reject(new Error('The chat ended without writing ' + JSON.stringify(expected) + ':\\n' + text)));
        check();
      }),
  };
}
`;

/**
 * `test/cli.test.ts`: the terminal adapter with piped lines in process, against the core alone
 * (so it holds with any feature set), and as `src/chat.ts` when that runs without services.
 */
export function cliTest(config: BuildConfig): string {
  const piped = pipedChatCase(config);
  const withoutAi = chatWithoutAiCase(config);
  return source(
    piped && "import { spawn } from 'node:child_process';",
    withoutAi && "import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';",
    `import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { type Command, createBot } from '../src/core/index.js';
import { lineToIncoming, runCli } from '../src/platforms/cli.js';
import { mapStore } from './map-store.js';

const ping: Command = { name: 'ping', description: 'Answer pong', run: () => [{ text: 'pong' }] };
const pick: Command = {
  name: 'pick',
  description: 'Offer two choices',
  run: () => [{ text: 'Which one?', choices: [{ label: 'Ping it', value: '/ping' }, { label: 'Say hi', value: 'hi' }] }],
};

async function chat(lines: string[]): Promise<string[]> {
  const bot = createBot({ info: { name: 'Test', description: 'Test bot.' }, commands: [ping, pick], sessions: mapStore() });
  const input = new PassThrough();
  const output = new PassThrough();
  let written = '';
  output.on('data', (chunk) => {
    written += chunk;
  });
  input.end(lines.join('\\n') + '\\n');
  await runCli(bot, { input, output, interactive: false });
  return written.split('\\n').filter((line) => line !== '');
}

describe('terminal chat', () => {
  it('answers piped lines in order and remembers the conversation', async () => {
    expect(await chat(['hello', '', 'again'])).toEqual(['You said: hello', 'You said: again', 'Before that you said: hello']);
  });

  it('runs commands and stops at /quit', async () => {
    expect(await chat(['/ping', '/quit', 'never answered'])).toEqual(['pong']);
  });

  it('numbers choices, and a typed number sends the value of the choice just shown', async () => {
    expect(await chat(['/pick', '1', '/pick', '2', '3'])).toEqual([
      'Which one?',
      '  1) Ping it',
      '  2) Say hi',
      'pong',
      'Which one?',
      '  1) Ping it',
      '  2) Say hi',
      'You said: hi',
      'You said: 3',
      'Before that you said: hi',
    ]);
  });

  it('maps a line to one local conversation', () => {
    expect(lineToIncoming('hi', 'ada')).toEqual({ platform: 'cli', conversationId: 'cli:local', userId: 'local', userName: 'ada', text: 'hi' });
  });`,
    piped,
    withoutAi,
    '});',
    withoutAi && WATCH_HELPER,
  );
}
