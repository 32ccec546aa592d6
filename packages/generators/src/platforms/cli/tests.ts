/** `test/cli.test.ts`: the terminal adapter with piped lines, in process and as `src/chat.ts`. */
export const CLI_TEST = `import { spawn } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createBot } from '../src/core/index.js';
import { lineToIncoming, runCli } from '../src/platforms/cli.js';
import { MemorySessionStore } from '../src/sessions/index.js';

async function chat(lines: string[]): Promise<string[]> {
  const bot = createBot({ info: { name: 'Test', description: 'Test bot.' }, sessions: new MemorySessionStore({ ttlSeconds: 60 }) });
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
    const replies = await chat(['/help', '/quit', 'never answered']);
    expect(replies[0]).toBe('Commands:');
    expect(replies.join('\\n')).toContain('/reset');
    expect(replies.join('\\n')).not.toContain('never answered');
  });

  it('maps a line to one local conversation', () => {
    expect(lineToIncoming('hi', 'ada')).toEqual({ platform: 'cli', conversationId: 'cli:local', userId: 'local', userName: 'ada', text: 'hi' });
  });

  it('works as npm run chat with stdin from a pipe', { timeout: 30_000 }, async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/chat.ts'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stdin.end('hello\\n/reset\\n');
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(stdout).toBe('You said: hello\\nDone: I have forgotten our conversation.\\n');
  });
});
`;
