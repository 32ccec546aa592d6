import type { BuildConfig } from '@botsmith/shared';
import { tsString } from '../../lib/escape';
import type { GeneratedFile } from '../../types';

const RUNTIME = `import type { Bot, Notifier } from './core/index.js';
import { envNumbers } from './env.js';
import { log } from './log.js';
import { type PlatformState, type PlatformStates, platformStates } from './platform-state.js';

/** Something started by src/index.ts and stopped on shutdown. */
export interface Running {
  stop(): Promise<void>;
  /** Lets the bot post outside conversations (scheduled messages, broadcasts), if the platform can. */
  notifier?: Notifier;
}

/** What a service may do after start() has returned: tell /health how it is doing. */
export interface ServiceContext {
  /** Polling stopped by an error (failed), waiting for another instance's lease (standby), back (running). */
  report(state: PlatformState): void;
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
  start(bot: Bot, env: NodeJS.ProcessEnv, context?: ServiceContext): Promise<Running>;
}

/** The required variables of a service that are missing or empty. */
export function missingEnv(service: Service, env: NodeJS.ProcessEnv): string[] {
  return service.requiredEnv.filter((name) => !env[name]);
}

/** How long a platform may take to start (PLATFORM_START_TIMEOUT_MS, default 15000). */
export function readStartTimeoutMs(env: NodeJS.ProcessEnv): number {
  return envNumbers(env).PLATFORM_START_TIMEOUT_MS;
}

/** "15 s" for 15000: how start bounds read in messages. */
export function seconds(ms: number): string {
  return ms / 1000 + ' s';
}

/** The message of an error, never its stack or the request that failed (which may hold a token). */
export function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

// Adapters bound their own network calls with the same timeout and say what they could not
// reach; this backstop, a little later, catches a start that hangs anywhere else.
const BACKSTOP_MS = 5_000;

function withinBound(service: Service, started: Promise<Running>, ms: number): Promise<Running> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new Error(service.name + ': did not start within ' + seconds(ms)));
      // A start that finishes after all must not keep running unseen.
      void started.then((late) => late.stop()).catch(() => undefined);
    }, ms);
  });
  return Promise.race([started, timeout]).finally(() => clearTimeout(timer));
}

/** The part of the logger startPlatforms writes to; tests pass their own. */
export type StartLog = Pick<typeof log, 'info' | 'error'>;

/**
 * Starts every platform at once, each on its own: one that fails (a bad token, an unreachable
 * API) or does not start in time is logged in one line and marked failed in the registry
 * /health reads, and the others keep running. Returns the platforms that started.
 */
export async function startPlatforms(
  platforms: readonly Service[],
  bot: Bot,
  env: NodeJS.ProcessEnv,
  options: { states?: PlatformStates; logger?: StartLog } = {},
): Promise<Running[]> {
  const { states = platformStates, logger = log } = options;
  const bound = readStartTimeoutMs(env) + BACKSTOP_MS;
  const results = await Promise.all(
    platforms.map(async (service) => {
      states.set(service.name, { state: 'starting' });
      const context: ServiceContext = { report: (state) => states.set(service.name, state) };
      try {
        const started = await withinBound(service, service.start(bot, env, context), bound);
        // The adapter may already have reported standby (another instance polls).
        if (states.get(service.name)?.state === 'starting') states.set(service.name, { state: 'running' });
        logger.info({ platform: service.name }, service.name + ' started.');
        return started;
      } catch (error) {
        const reason = reasonOf(error);
        states.set(service.name, { state: 'failed', reason });
        logger.error({ platform: service.name }, service.name + ' failed to start: ' + reason);
        return undefined;
      }
    }),
  );
  return results.filter((started): started is Running => started !== undefined);
}
`;

const PLATFORM_STATE = `/** How one platform is doing, as GET /health reports it. */
export type PlatformState =
  | { state: 'starting' }
  | { state: 'running' }
  /** Started, but another instance holds the lease for polling, so this one waits. */
  | { state: 'standby'; reason: string }
  | { state: 'failed'; reason: string }
  | { state: 'stopped'; reason?: string };

/** A state and when it began (ISO 8601). */
export type PlatformStatus = PlatformState & { since: string };

/** The state of every platform of the process, by name; src/index.ts and the adapters write it. */
export class PlatformStates {
  readonly #states = new Map<string, PlatformStatus>();
  readonly #listeners = new Set<() => void>();

  set(name: string, state: PlatformState): void {
    this.#states.set(name, { ...state, since: new Date().toISOString() });
    for (const listener of this.#listeners) listener();
  }

  get(name: string): PlatformStatus | undefined {
    return this.#states.get(name);
  }

  snapshot(): Record<string, PlatformStatus> {
    return Object.fromEntries(this.#states);
  }

  /** Calls listener after every change; returns a function that unsubscribes. */
  onChange(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** True when some platform was started and every started one has failed. */
  allFailed(): boolean {
    const started = [...this.#states.values()].filter((status) => status.state !== 'stopped');
    return started.length > 0 && started.every((status) => status.state === 'failed');
  }
}

/** The process's registry. */
export const platformStates = new PlatformStates();
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

/**
 * `src/runtime.ts` (the service contract and isolated platform start), `src/platform-state.ts`
 * (what /health reports), `src/config.ts` (bot identity), `src/log.ts`.
 */
export function runtimeFiles(config: BuildConfig): GeneratedFile[] {
  return [
    { path: 'src/config.ts', content: configSource(config) },
    { path: 'src/log.ts', content: LOG },
    { path: 'src/platform-state.ts', content: PLATFORM_STATE },
    { path: 'src/runtime.ts', content: RUNTIME },
  ];
}
