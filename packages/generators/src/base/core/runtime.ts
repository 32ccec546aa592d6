import type { BuildConfig } from '@botsmith/shared';
import { tsString } from '../../lib/escape';
import type { GeneratedFile } from '../../types';

const RUNTIME = `import type { Bot, Notifier } from './core/index.js';

/** Something started by src/index.ts and stopped on shutdown. */
export interface Running {
  stop(): Promise<void>;
  /** Lets the bot post outside conversations (scheduled messages, broadcasts), if the platform can. */
  notifier?: Notifier;
}

/**
 * A part of the bot process: a chat platform adapter or a supporting service such as the
 * health endpoint. Platforms start only when their environment variables are set.
 */
export interface Service {
  name: string;
  kind: 'platform' | 'service';
  /** Environment variables that must be set for the service to start. */
  requiredEnv: readonly string[];
  start(bot: Bot, env: NodeJS.ProcessEnv): Promise<Running>;
}

/** The required variables of a service that are missing or empty. */
export function missingEnv(service: Service, env: NodeJS.ProcessEnv): string[] {
  return service.requiredEnv.filter((name) => !env[name]);
}
`;

function configSource(config: BuildConfig): string {
  // User text only as JSON string literals (SPEC §5): never in comments or template literals.
  return `import type { BotInfo } from './core/index.js';

/** Who the bot is. Generated from your Botsmith answers; edit freely. */
export const BOT_INFO: BotInfo = {
  name: ${tsString(config.project.displayName)},
  description: ${tsString(config.project.description || 'A chat bot.')},
};

/** Identifies this bot in shared infrastructure, such as the key prefix of stored sessions. */
export const BOT_ID = ${tsString(config.project.name)};
`;
}

const LOG = `import { type Logger, pino } from 'pino';
import { BOT_ID } from './config.js';

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** LOG_LEVEL as a pino level; unset or unknown means info. */
export function logLevelOf(env: NodeJS.ProcessEnv): string {
  const level = env.LOG_LEVEL?.trim().toLowerCase() ?? '';
  return (LEVELS as readonly string[]).includes(level) ? level : 'info';
}

export interface LogOptions {
  /**
   * For a terminal whose stdout carries the bot's replies (the CLI chat): logs go to stderr
   * as JSON lines and are never pretty-printed.
   */
  plain?: boolean;
}

function createLog(env: NodeJS.ProcessEnv, options: LogOptions): Logger {
  const base = { name: BOT_ID, level: logLevelOf(env) };
  if (options.plain) return pino(base, pino.destination(2));
  // Readable lines while developing in a terminal; JSON lines everywhere else (hosts, pipes).
  // pino-pretty is a dev dependency, absent in the production image: fall back to JSON.
  if (env.NODE_ENV !== 'production' && process.stdout.isTTY) {
    try {
      return pino({ ...base, transport: { target: 'pino-pretty', options: { colorize: true } } });
    } catch {
      // Not installed (npm ci --omit=dev): JSON it is.
    }
  }
  return pino(base);
}

/**
 * The process's one logger: JSON lines on stdout, LOG_LEVEL the threshold (default info),
 * pretty-printed in development on a terminal. Pass errors as \`{ err }\` so pino keeps their
 * stack, and never log tokens, message text or user ids. Import it as a binding and use it when
 * logging (no \`log.child\` at module load), so what \`configureLog\` sets applies.
 */
export let log: Logger = createLog(process.env, {});

/** Rebuilds \`log\` from the environment once .env is read: the entry points call it first. */
export function configureLog(env: NodeJS.ProcessEnv, options: LogOptions = {}): void {
  log = createLog(env, options);
}
`;

/** `src/runtime.ts` (the service contract), `src/config.ts` (bot identity), `src/log.ts`. */
export function runtimeFiles(config: BuildConfig): GeneratedFile[] {
  return [
    { path: 'src/config.ts', content: configSource(config) },
    { path: 'src/log.ts', content: LOG },
    { path: 'src/runtime.ts', content: RUNTIME },
  ];
}
