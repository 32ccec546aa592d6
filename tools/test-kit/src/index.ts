import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** How many times slower than idle the machine was when the run started (≥ 1). */
    testSlowdown: number;
  }
}

/**
 * A timeout for waiting on something that gets slower when the machine is busy (a process
 * starting, a job finishing): `ms` as measured on an idle machine, times the slowdown the
 * readiness probe measured when the run started.
 *
 * @example test('resumes after a kill', async () => { … }, scaledTimeout(60_000));
 * @example await expect.poll(read, { timeout: scaledTimeout(10_000) }).toBe('done');
 */
export function scaledTimeout(ms: number): number {
  return Math.round(ms * testSlowdown());
}

/** The slowdown the readiness probe measured (1 when run without the global setup). */
export function testSlowdown(): number {
  const value = inject('testSlowdown');
  return typeof value === 'number' && value >= 1 ? value : 1;
}
