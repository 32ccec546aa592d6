import { tsString } from '../../lib/escape';

/** `src/platforms/cli.ts` of the generated project: chat in a terminal or through a pipe. */
export const CLI_ADAPTER = `import { createInterface } from 'node:readline/promises';
import type { Bot, Choice, IncomingMessage, Reply } from '../core/index.js';

/** Typed by the user to leave; Ctrl+D (end of input) and Ctrl+C work too. */
export const QUIT_WORDS: readonly string[] = ['/quit', '/exit'];

export interface CliOptions {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** Shows a prompt and a greeting; false for piped input, so output is only the replies. */
  interactive: boolean;
  userName?: string;
}

/** Maps a typed line to the core's message; one conversation per terminal session. */
export function lineToIncoming(line: string, userName?: string): IncomingMessage {
  return {
    platform: 'cli',
    conversationId: 'cli:local',
    userId: 'local',
    ...(userName ? { userName } : {}),
    text: line,
  };
}

/** A reply as terminal lines: its text, then its choices numbered from 1. */
export function formatCliReply(reply: Reply): string {
  const options = (reply.choices ?? []).map((choice, index) => '  ' + (index + 1) + ') ' + choice.label);
  return [reply.text, ...options].join('\\n');
}

/** Typing the number of a choice just shown sends its value; anything else is sent as typed. */
export function pickChoice(text: string, choices: readonly Choice[]): string {
  const index = /^\\d{1,2}$/.test(text) ? Number(text) - 1 : -1;
  return choices[index]?.value ?? text;
}

/**
 * Reads lines until the input ends or the user types /quit, and writes each reply on its own
 * line. Lines are answered one after another, in order, also when piped in all at once.
 */
export async function runCli(bot: Bot, options: CliOptions): Promise<void> {
  const { input, output, interactive } = options;
  const lines = createInterface({ input, ...(interactive ? { output, terminal: true } : { terminal: false }) });
  lines.on('SIGINT', () => lines.close());
  const write = (text: string) => output.write(text + '\\n');
  if (interactive) {
    const help = bot.commands.some((command) => command.name === 'help') ? 'Type /help for commands, ' : 'Type ';
    write('Chatting with ' + bot.info.name + '. ' + help + '/quit to leave.');
    lines.setPrompt('> ');
    lines.prompt();
  }
  let choices: readonly Choice[] = [];
  for await (const line of lines) {
    const text = line.trim();
    if (QUIT_WORDS.includes(text.toLowerCase())) break;
    if (text !== '') {
      const replies = await bot.handleMessage(lineToIncoming(pickChoice(text, choices), options.userName));
      for (const reply of replies) write(formatCliReply(reply));
      choices = replies.flatMap((reply) => reply.choices ?? []);
    }
    if (interactive) lines.prompt();
  }
  lines.close();
}
`;

/** The AI provider's key, when the AI feature is on: the chat runs without it, saying how to add it. */
export interface ChatAiKey {
  variable: string;
  /** Where to create a key. */
  url: string;
}

/** The line src/chat.ts writes (to stderr, apart from the replies) when AI replies are off. */
export function aiOffHint(key: ChatAiKey): string {
  return `AI replies are off: set ${key.variable} in .env (create a key at ${key.url}) and start the chat again to turn them on.`;
}

/**
 * `src/chat.ts`: the entry point of `npm run chat` (and of `npm start` for a terminal-only bot).
 * Without the AI key (`ai`, when the feature is on) it still chats, with the bot's own replies
 * (commands, echo), after one line saying how to enable AI; the platforms require the key.
 */
export function cliEntry(ai: ChatAiKey | undefined): string {
  const aiImport = ai
    ? `
import { aiEnabled } from './ai/index.js';
`
    : '';
  const aiHint = ai
    ? `
// Without a key the chat still runs, answering with commands and echoes instead of AI replies.
if (!aiEnabled(process.env)) process.stderr.write(${tsString(`${aiOffHint(ai)}\n`)});
`
    : '';
  return `import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';${aiImport.trimEnd()}
import { createApp } from './app.js';
import { checkEnv } from './env.js';
import { configureLog } from './log.js';
import { runCli } from './platforms/cli.js';

// Chat with the bot in this terminal: npm run chat (or, after npm run build, node dist/chat.js).
// Piped input works too: echo /help | npm run chat --silent
if (existsSync('.env')) process.loadEnvFile('.env');
// stdout carries the replies: logs go to stderr, and only warnings and errors by default.
configureLog({ LOG_LEVEL: 'warn', ...process.env }, { plain: true });
${aiHint}
// Only what the chat itself needs: the platforms' credentials and the AI key may be missing.
checkEnv(process.env, { chat: true });
// The same bot as the platforms run, with every feature and the configured session store.
// Logs (analytics) would share stdout with the replies, so only warnings and errors show.
let app: Awaited<ReturnType<typeof createApp>>;
try {
  app = await createApp({ ...process.env, LOG_LEVEL: 'warn' });
} catch (error) {
  // A configuration problem (a bad value in .env, an unreachable store): one line, no trace.
  process.stderr.write('The chat cannot start: ' + (error instanceof Error ? error.message : String(error)) + '\\n');
  process.exit(1);
}
try {
  await runCli(app.bot, {
    input: process.stdin,
    output: process.stdout,
    interactive: process.stdin.isTTY === true,
    userName: userInfo().username,
  });
} finally {
  await app.close();
}
`;
}
