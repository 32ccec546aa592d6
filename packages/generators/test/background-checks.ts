import type { ExpectStatic } from 'vitest';
import { startUntil } from './background';

/**
 * Starts the built bot with PORT=0 (web chat on, every other platform off), then talks to it
 * over HTTP on loopback: the health endpoint, one chat message, the widget. SIGTERM stops it.
 */
export async function background(
  dir: string,
  env: NodeJS.ProcessEnv,
  expect: ExpectStatic,
): Promise<void> {
  const bot = await startUntil(process.execPath, ['dist/index.js'], {
    cwd: dir,
    env: { ...env, PORT: '0' },
    ready: /HTTP server: listening on http:\/\/localhost:(\d+)/,
    timeoutMs: 30_000,
  });
  try {
    const base = `http://127.0.0.1:${bot.ready[1]}`;
    const health = await fetch(`${base}/health`);
    expect(await health.json()).toMatchObject({ status: 'ok' });
    const chat = await fetch(`${base}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sessionId: 'matrix-session', text: 'hello' }),
    });
    expect(await chat.json()).toEqual({ replies: [{ text: 'You said: hello' }] });
    const widget = await fetch(`${base}/widget.js`);
    expect(widget.headers.get('content-type')).toContain('javascript');
  } finally {
    const stopped = await bot.stop();
    expect(stopped.code, stopped.stderr).toBe(0);
  }
}
