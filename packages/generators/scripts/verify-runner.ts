import { spawn } from 'node:child_process';
import { connect } from 'node:net';

/** A finished command: exit code (null when killed), combined output and duration. */
export interface StepResult {
  code: number | null;
  output: string;
  seconds: number;
  timedOut: boolean;
}

/** Runs a command without a shell, stdout and stderr interleaved, killed after `timeoutMs`. */
export function runStep(
  command: string,
  args: readonly string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number },
): Promise<StepResult> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let timedOut = false;
    const append = (chunk: Buffer) => {
      output += chunk;
    };
    child.stdout.on('data', append);
    child.stderr.on('data', append);
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs);
    const finish = (code: number | null, extra = '') => {
      clearTimeout(timer);
      resolve({ code, output: output + extra, seconds: (Date.now() - started) / 1000, timedOut });
    };
    child.on('error', (error) => finish(null, `\n${String(error)}`));
    child.on('close', (code) => finish(code));
  });
}

/**
 * The environment without what pnpm injects for the workspace, so npm in the generated project
 * behaves as for a user; npm's cache and registry settings are kept (a shared cache).
 */
export function userEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    const lower = key.toLowerCase();
    const fromWorkspace =
      (lower.startsWith('npm_') &&
        lower !== 'npm_config_cache' &&
        lower !== 'npm_config_registry') ||
      lower.startsWith('pnpm_') ||
      ['NODE_OPTIONS', 'FORCE_COLOR', 'VITEST', 'INIT_CWD', 'TSX_TSCONFIG_PATH'].includes(key);
    // Platform credentials or the machine's PORT would change what the bot does.
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
 * REDIS_URL and DATABASE_URL for the generated stores' own tests: from the environment, else the
 * local servers when they answer, else unset (those tests then skip themselves).
 */
export async function storeEnv(): Promise<Record<string, string>> {
  const env: Record<string, string> = {};
  const redis = process.env.REDIS_URL ?? ((await reachable(6379)) && 'redis://127.0.0.1:6379');
  const postgres =
    process.env.DATABASE_URL ??
    ((await reachable(5432)) && 'postgres://postgres@127.0.0.1:5432/test');
  if (redis) env.REDIS_URL = redis;
  if (postgres) env.DATABASE_URL = postgres;
  return env;
}

/** Runs `tasks` with at most `limit` at once, results in task order. */
export async function pool<T>(limit: number, tasks: readonly (() => Promise<T>)[]): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await (tasks[index] as () => Promise<T>)();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}
