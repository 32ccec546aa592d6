import type { TestProject } from 'vitest/node';
// The `testSlowdown` key's type lives with the helpers that read it.
import type {} from './index';
import { measureSlowdown } from './slowdown';

/**
 * Probes the machine once per run (every project reuses the first reading) and provides the
 * slowdown to the tests, whose timeouts scale with it.
 */
export default async function setup(project: TestProject): Promise<void> {
  process.env.BOTSMITH_TEST_SLOWDOWN ??= String(await measureSlowdown());
  project.provide('testSlowdown', Number(process.env.BOTSMITH_TEST_SLOWDOWN));
}
