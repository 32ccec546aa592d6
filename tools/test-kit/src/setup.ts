// Loaded before every test file of every project (`setupFiles`). A test fails when it wrote
// to console.error without expecting to, or tried to reach the internet; and the default
// timeouts grow with the slowdown the readiness probe measured.
import { format } from 'node:util';
import { afterEach, beforeEach, vi } from 'vitest';
import { testSlowdown } from './index';
import { type BlockedConnection, guardOutboundConnections } from './network-guard';

vi.setConfig({ testTimeout: 5_000 * testSlowdown(), hookTimeout: 10_000 * testSlowdown() });

const consoleErrors: string[] = [];
const blocked: BlockedConnection[] = [];
const originalError = console.error;

// A test that expects an error on the console spies on it (`vi.spyOn(console, 'error')`),
// which replaces this function for the duration of that test.
console.error = (...args: unknown[]) => {
  consoleErrors.push(format(...args));
  originalError(...args);
};
guardOutboundConnections((target) => blocked.push(target));

beforeEach(() => {
  consoleErrors.length = 0;
  blocked.length = 0;
});

afterEach(() => {
  const problems = [
    ...consoleErrors.map((line) => `unexpected console.error: ${line.slice(0, 500)}`),
    ...blocked.map(
      (t) => `outbound connection to ${t.host}:${t.port ?? ''} (tests stay on loopback)`,
    ),
  ];
  consoleErrors.length = 0;
  blocked.length = 0;
  if (problems.length > 0) throw new Error(problems.join('\n'));
});
