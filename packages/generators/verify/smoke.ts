import { type BuildConfig, runsAsService } from '@botsmith/shared';
import { packageManagerOf } from '../src/lib/package-manager';
import { run, startUntil } from './processes';

// A bot that should exit on its own but hangs fails the check instead of the whole run.
const RUN_TIMEOUT_MS = 30_000;

function check(ok: boolean, message: string, detail = ''): void {
  if (!ok) throw new Error(detail ? `${message}\n${detail}` : message);
}

/**
 * Starts the built bot with PORT=0 (web chat on, every other platform off) and talks to it over
 * HTTP on loopback: the health endpoint, one chat message, the widget. SIGTERM must stop it
 * cleanly.
 */
async function serveWebChat(dir: string, env: NodeJS.ProcessEnv, node: string): Promise<void> {
  const bot = await startUntil(node, ['dist/index.js'], {
    cwd: dir,
    env: { ...env, PORT: '0' },
    ready: /HTTP server: listening on http:\/\/localhost:(\d+)/,
    timeoutMs: 30_000,
  });
  try {
    const base = `http://127.0.0.1:${bot.ready[1]}`;
    const health = (await (await fetch(`${base}/health`)).json()) as { status?: unknown };
    check(health?.status === 'ok', 'GET /health did not answer status ok', JSON.stringify(health));
    const chat = await fetch(`${base}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'hello' }),
    });
    const answer = (await chat.json()) as { replies?: unknown; token?: unknown };
    const replies = JSON.stringify(answer.replies);
    const expected = JSON.stringify([{ text: 'You said: hello' }]);
    check(replies === expected, `POST /api/chat answered replies ${replies}, not ${expected}`);
    // The server issues a signed session token with every answer.
    check(
      typeof answer.token === 'string' && /^[\w-]+\.[\w-]+$/.test(answer.token),
      'POST /api/chat answered no signed session token',
    );
    const widget = await fetch(`${base}/widget.js`);
    await widget.arrayBuffer();
    check(
      (widget.headers.get('content-type') ?? '').includes('javascript'),
      'GET /widget.js is not JavaScript',
    );
  } finally {
    const stopped = await bot.stop();
    check(
      stopped.code === 0,
      `SIGTERM stopped the bot with exit code ${stopped.code}`,
      stopped.stderr,
    );
  }
}

/**
 * The built bot, run as a user would: without credentials it names what to set and exits 1;
 * a web chat bot with the health endpoint serves HTTP on PORT; a terminal bot answers on stdin.
 * The echo reply is what the bot says without AI, so those two run only without it. `node` is
 * the binary of the Node major the project chose.
 */
export async function smokeTest(
  config: BuildConfig,
  dir: string,
  env: NodeJS.ProcessEnv,
  node: string,
): Promise<void> {
  const platforms = new Set<string>(config.platforms);
  const features = new Set<string>(config.features);
  const pm = packageManagerOf(config).name;

  if (!runsAsService(config.platforms)) {
    // A terminal-only bot has no service entry: `start` opens the chat, through the package
    // manager as a user runs it.
    const started = await run(
      process.platform === 'win32' ? `${pm}.cmd` : pm,
      ['start', '--silent'],
      {
        cwd: dir,
        env,
        input: 'hello\n/quit\n',
        timeoutMs: RUN_TIMEOUT_MS,
      },
    );
    check(started.code === 0, `${pm} start exited ${started.code}`, started.output);
    if (!features.has('ai')) {
      check(
        started.stdout.endsWith('You said: hello\n'),
        `${pm} start answered ${JSON.stringify(started.stdout)}`,
      );
    }
    return;
  }

  const start = await run(node, ['dist/index.js'], {
    cwd: dir,
    env,
    timeoutMs: RUN_TIMEOUT_MS,
  });
  check(start.code === 1, `node dist/index.js exited ${start.code}, not 1`, start.output);
  // The hints are pino log lines (JSON on stdout when not on a terminal).
  check(start.output.includes('No chat platform is configured'), 'no hint to configure a platform');
  if (platforms.has('discord'))
    check(start.output.includes('DISCORD_TOKEN'), 'no DISCORD_TOKEN hint');
  if (platforms.has('cli'))
    check(start.output.includes(`${pm} run chat`), `no "${pm} run chat" hint`);

  if (platforms.has('webchat') && features.has('health') && !features.has('ai')) {
    await serveWebChat(dir, env, node);
  }
  if (platforms.has('cli') && !features.has('ai')) {
    const chat = await run(node, ['dist/chat.js'], {
      cwd: dir,
      env,
      input: 'hello\n/quit\n',
      timeoutMs: RUN_TIMEOUT_MS,
    });
    check(chat.code === 0, `node dist/chat.js exited ${chat.code}`, chat.output);
    check(
      chat.stdout === 'You said: hello\n',
      `the terminal chat answered ${JSON.stringify(chat.stdout)}`,
    );
  }
}
