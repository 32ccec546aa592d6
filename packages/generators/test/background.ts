import { spawn } from 'node:child_process';
import type { RunResult } from './run';

/** A process started by `startUntil`, already past its ready line. */
export interface Background {
  /** The first match of the ready pattern in standard output. */
  ready: RegExpMatchArray;
  /** Sends SIGTERM and resolves with everything the process wrote and its exit code. */
  stop(): Promise<RunResult>;
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
  const exited = new Promise<RunResult>((resolve) => {
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
