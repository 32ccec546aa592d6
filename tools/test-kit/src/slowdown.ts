import { spawn } from 'node:child_process';

/**
 * How long the readiness probe takes on an idle 2-core machine: start Node, listen on a port,
 * answer one request. Measured 2026-12 (median of runs, load average below 0.5).
 */
export const IDLE_PROBE_MS = 150;

/** Never scale below 1 (a fast machine keeps the written timeouts) or above this. */
const MAX_SLOWDOWN = 6;

const PROBE_SERVER = `
  const server = require('node:http').createServer((_req, res) => res.end('ok'));
  server.listen(0, '127.0.0.1', () => console.log(server.address().port));
`;

/** Starts a Node process with an HTTP server and resolves once it has answered; in ms. */
export async function probeReadinessMs(): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, ['-e', PROBE_SERVER], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (code) => reject(new Error(`the probe exited with ${code}`)));
      child.stdout.once('data', (chunk: Buffer) => resolve(Number(chunk.toString().trim())));
    });
    const response = await fetch(`http://127.0.0.1:${port}/`);
    await response.text();
    return performance.now() - started;
  } finally {
    child.kill();
  }
}

/**
 * How many times slower than idle this machine answers right now: the median of three
 * readiness probes over `IDLE_PROBE_MS`, between 1 and 6.
 */
export async function measureSlowdown(): Promise<number> {
  const runs: number[] = [];
  for (let i = 0; i < 3; i += 1) runs.push(await probeReadinessMs());
  const median = runs.sort((a, b) => a - b)[1] ?? IDLE_PROBE_MS;
  return Math.min(MAX_SLOWDOWN, Math.max(1, Math.round((median / IDLE_PROBE_MS) * 10) / 10));
}
