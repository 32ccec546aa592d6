import { describe, expect, it } from 'vitest';
import { checkProject } from '../verify/check-project';
import { selectEntries } from '../verify/matrix';
import { createLimiter, storeEnv, userEnv } from '../verify/processes';

// The matrix of `pnpm verify:generated`, under Vitest: each selected entry is generated,
// installed, type-checked, built, tested and started by the same checks. Collected only when
// BOTSMITH_GENERATED_MATRIX names entries (`subset`, `all`, or names; see vitest.config.ts), so
// `pnpm test:unit` stays offline and CI runs each project once, through `pnpm test:generated`.
const MINUTES = 60_000;
// Two at a time: each install and test run keeps a core busy.
const limit = createLimiter(2);
const env = storeEnv().then((stores) => ({ ...userEnv(), ...stores }));

describe.concurrent('generated projects', () => {
  for (const entry of selectEntries(process.env.BOTSMITH_GENERATED_MATRIX ?? '')) {
    it(`${entry.name}: installs, type-checks, builds, passes its tests and starts`, {
      timeout: 30 * MINUTES,
    }, async () => {
      const outcome = await limit(async () => checkProject(entry, { env: await env }));
      expect(outcome.failure).toBeUndefined();
      expect(outcome.ok).toBe(true);
    });
  }
});
