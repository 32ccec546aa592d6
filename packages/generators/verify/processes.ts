import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { withoutWorkspaceConfig } from '../src/lockfile';

/** A finished child process: exit code (null when killed), its output and how long it took. */
export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Standard output and error interleaved as they arrived, for failure reports. */
  output: string;
  seconds: number;
  timedOut: boolean;
}

/** Options of `run`; `input` is written to standard input, which is then closed. */
export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  input?: string;
  timeoutMs?: number;
}

/**
 * Runs a command to completion without a shell, collecting its output; killed after
 * `timeoutMs`. Standard input is closed at once without `input`, so nothing waits for a terminal.
 *
 * @example const { code, stdout } = await run('npm', ['test'], { cwd: dir });
 */
export function run(
  command: string,
  args: readonly string[],
  options: RunOptions = {},
): Promise<RunResult> {
  const { input, timeoutMs, ...spawnOptions } = options;
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...spawnOptions, stdio: ['pipe', 'pipe', 'pipe'] });
    child.stdin.end(input);
    let stdout = '';
    let stderr = '';
    let output = '';
    let timedOut = false;
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      output += chunk;
    });
    const timer =
      timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            child.kill('SIGKILL');
          }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, output, seconds: (Date.now() - started) / 1000, timedOut });
    });
  });
}

/** A process started by `startUntil`, already past its ready line. */
export interface Background {
  /** The first match of the ready pattern in standard output. */
  ready: RegExpMatchArray;
  /** Sends SIGTERM and resolves with everything the process wrote and its exit code. */
  stop(): Promise<Pick<RunResult, 'code' | 'stdout' | 'stderr'>>;
}

/**
 * Starts a long-running command and resolves once its standard output matches `ready`;
 * rejects (and kills it) when it exits first or `timeoutMs` passes.
 */
export function startUntil(
  command: string,
  args: readonly string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; ready: RegExp; timeoutMs: number },
): Promise<Background> {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const exited = new Promise<Pick<RunResult, 'code' | 'stdout' | 'stderr'>>((resolve) => {
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`not ready after ${options.timeoutMs} ms\n${stdout}\n${stderr}`));
    }, options.timeoutMs);
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      const ready = options.ready.exec(stdout);
      if (ready && timer.hasRef()) {
        clearTimeout(timer);
        timer.unref();
        resolve({
          ready,
          stop: () => {
            child.kill('SIGTERM');
            return exited;
          },
        });
      }
    });
    void exited.then((result) => {
      clearTimeout(timer);
      reject(new Error(`exited ${result.code} before it was ready\n${stdout}\n${stderr}`));
    });
  });
}

/**
 * The environment without what pnpm and Vitest inject for the workspace, so the package manager
 * in a generated project behaves as for a user; npm's cache and registry settings are kept (a
 * shared cache). Platform credentials and the machine's PORT are dropped: they would change
 * what the bot starts.
 */
export function userEnv(source: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(withoutWorkspaceConfig(source))) {
    const fromWorkspace =
      key.startsWith('VITEST') || ['FORCE_COLOR', 'TSX_TSCONFIG_PATH'].includes(key);
    const botSetting =
      key === 'PORT' ||
      /^(DISCORD|TELEGRAM|WHATSAPP|SLACK|TWITTER|WEBCHAT|OPENAI|ANTHROPIC)_/.test(key);
    if (!fromWorkspace && !botSetting) env[key] = value;
  }
  return { ...env, CI: 'true', NODE_ENV: 'test', NO_COLOR: '1' };
}

function reachable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port, timeout: 500 });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
    socket.once('timeout', () => done(false));
  });
}

/**
 * REDIS_URL and DATABASE_URL for the generated stores' own tests: from the environment, else
 * the local servers when they answer (as on CI), else unset (those tests then skip themselves).
 */
export async function storeEnv(
  source: NodeJS.ProcessEnv = process.env,
): Promise<Record<string, string>> {
  const env: Record<string, string> = {};
  const redis = source.REDIS_URL ?? ((await reachable(6379)) && 'redis://127.0.0.1:6379');
  const postgres =
    source.DATABASE_URL ?? ((await reachable(5432)) && 'postgres://postgres@127.0.0.1:5432/test');
  if (redis) env.REDIS_URL = redis;
  if (postgres) env.DATABASE_URL = postgres;
  return env;
}

/**
 * Runs tasks with at most `limit` at a time, in the order they asked; a finishing task hands its
 * slot straight to the next waiter, so none can jump the queue.
 *
 * @example const limit = createLimiter(2); await Promise.all(jobs.map((job) => limit(job)));
 */
export function createLimiter(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (active < limit) active += 1;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else active -= 1;
    }
  };
}
