/** `src/analytics/metrics.ts`: counters shared by the plugin, /metrics and /stats. */
export const METRICS = `import type { BotEvent } from '../core/index.js';

export interface MetricsSnapshot {
  messages: number;
  commands: number;
  errors: number;
  blocked: number;
  uptimeSeconds: number;
}

/** Counts what the bot does. One instance per process: see \`metrics\` below. */
export class Metrics {
  #messages = 0;
  #commands = 0;
  #errors = 0;
  #blocked = 0;
  readonly #startedAt: number;

  constructor(readonly now: () => number = Date.now) {
    this.#startedAt = now();
  }

  record(event: BotEvent): void {
    if (event.type === 'message') {
      this.#messages += 1;
      if (event.kind === 'command') this.#commands += 1;
    } else if (event.type === 'error') {
      this.#errors += 1;
    } else {
      this.#blocked += 1;
    }
  }

  snapshot(): MetricsSnapshot {
    return {
      messages: this.#messages,
      commands: this.#commands,
      errors: this.#errors,
      blocked: this.#blocked,
      uptimeSeconds: Math.floor((this.now() - this.#startedAt) / 1000),
    };
  }

  /** The Prometheus text exposition format, served by the health endpoint at GET /metrics. */
  toPrometheus(): string {
    const snapshot = this.snapshot();
    const counter = (name: string, help: string, value: number) =>
      ['# HELP ' + name + ' ' + help, '# TYPE ' + name + ' counter', name + ' ' + value];
    return [
      ...counter('bot_messages_total', 'Messages handled, commands included.', snapshot.messages),
      ...counter('bot_commands_total', 'Commands handled.', snapshot.commands),
      ...counter('bot_errors_total', 'Messages that failed or fell back to an apology.', snapshot.errors),
      ...counter('bot_blocked_total', 'Messages stopped by moderation.', snapshot.blocked),
      '# HELP bot_uptime_seconds Seconds since the process started.',
      '# TYPE bot_uptime_seconds gauge',
      'bot_uptime_seconds ' + snapshot.uptimeSeconds,
      '',
    ].join('\\n');
  }
}

/** The process-wide counters. */
export const metrics = new Metrics();
`;

/** `src/analytics/index.ts`: the pino logger and the plugin that observes every message. */
export const ANALYTICS_INDEX = `import { type Logger, pino } from 'pino';
import { BOT_ID } from '../config.js';
import type { BotEvent, BotPlugin } from '../core/index.js';
import { type Metrics, metrics } from './metrics.js';

export { Metrics, type MetricsSnapshot, metrics } from './metrics.js';

/**
 * JSON logs on stdout, one object per line; LOG_LEVEL sets the threshold (default info). Read
 * when the app is created, not at import time, so a LOG_LEVEL from .env applies.
 */
export function createLogger(env: NodeJS.ProcessEnv): Logger {
  return pino({ name: BOT_ID, level: env.LOG_LEVEL?.trim() || 'info' });
}

/**
 * Counts every event and logs it as structured JSON. User ids and message text stay out of
 * the logs: they are personal data, and counters do not need them.
 */
export function createAnalyticsPlugin({ metrics, logger }: { metrics: Metrics; logger: Logger }): BotPlugin {
  return {
    name: 'analytics',
    observe(event: BotEvent) {
      metrics.record(event);
      if (event.type === 'message') {
        logger.info({ platform: event.platform, kind: event.kind, command: event.command, durationMs: event.durationMs }, 'message handled');
      } else if (event.type === 'blocked') {
        logger.info({ platform: event.platform, reason: event.reason }, 'message blocked');
      } else {
        logger.error({ platform: event.platform, err: event.error }, 'message failed');
      }
    },
  };
}

/** The plugin src/app.ts installs, feeding the shared counters. */
export function analyticsPlugin(env: NodeJS.ProcessEnv): BotPlugin {
  return createAnalyticsPlugin({ metrics, logger: createLogger(env) });
}
`;

/** `test/analytics.test.ts`: counters, the Prometheus text and the JSON log lines. */
export const ANALYTICS_TEST = `import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { Metrics, createAnalyticsPlugin, createLogger } from '../src/analytics/index.js';
import { type Command, type IncomingMessage, createBot } from '../src/core/index.js';

function message(text: string): IncomingMessage {
  return { platform: 'test', conversationId: 'test:1', userId: 'u1', text };
}

describe('analytics', () => {
  it('counts messages, commands and errors and logs each as JSON without user data', async () => {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(JSON.parse(String(chunk)));
        done();
      },
    });
    let now = 0;
    const metrics = new Metrics(() => now);
    const broken: Command = { name: 'broken', description: 'Fails', run: () => { throw new Error('boom'); } };
    const ping: Command = { name: 'ping', description: 'Pong', run: () => [{ text: 'pong' }] };
    const bot = createBot({
      info: { name: 'Test', description: 'Tests.' },
      commands: [ping, broken],
      plugins: [createAnalyticsPlugin({ metrics, logger: pino(sink) })],
    });
    await bot.handleMessage(message('hello secret text'));
    await bot.handleMessage(message('/ping'));
    await bot.handleMessage(message('/broken'));
    now = 61_000;
    expect(metrics.snapshot()).toEqual({ messages: 2, commands: 1, errors: 1, blocked: 0, uptimeSeconds: 61 });
    expect(lines.map((line) => line.msg)).toEqual(['message handled', 'message handled', 'message failed']);
    expect(lines[1]).toMatchObject({ platform: 'test', kind: 'command', command: 'ping' });
    expect(JSON.stringify(lines)).not.toContain('secret text');
    expect(JSON.stringify(lines)).not.toContain('u1');
  });

  it('logs at LOG_LEVEL', () => {
    expect(createLogger({ LOG_LEVEL: 'warn' }).level).toBe('warn');
    expect(createLogger({}).level).toBe('info');
  });

  it('renders counters in the Prometheus text format', () => {
    const metrics = new Metrics(() => 0);
    metrics.record({ type: 'blocked', reason: 'spam', platform: 'test', userId: 'u1' });
    const text = metrics.toPrometheus();
    expect(text).toContain('# TYPE bot_blocked_total counter\\nbot_blocked_total 1');
    expect(text).toContain('bot_messages_total 0');
  });
});
`;
