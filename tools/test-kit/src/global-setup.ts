import type { TestProject } from 'vitest/node';
import { measureSlowdown } from './slowdown';

declare module 'vitest' {
  export interface ProvidedContext {
    /** How many times slower than idle the machine was when the run started (≥ 1). */
    testSlowdown: number;
  }
}

/**
 * Probes the machine once per run (every project reuses the first reading) and provides the
 * slowdown to the tests, whose timeouts scale with it.
 */
export default async function setup(project: TestProject): Promise<void> {
  process.env.BOTSMITH_TEST_SLOWDOWN ??= String(await measureSlowdown());
  project.provide('testSlowdown', Number(process.env.BOTSMITH_TEST_SLOWDOWN));
}
