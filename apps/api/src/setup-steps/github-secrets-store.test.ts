import { scaledTimeout } from '@botsmith/test-kit';
import { expect, test } from 'vitest';
import { describeWithSetupHarness } from '../testing/setup-harness';
import { reachStep } from '../testing/step-harness';

describeWithSetupHarness('github:secrets:store run twice', (s) => {
  test(
    'asks for the sealed values once, then writes each secret once',
    async () => {
      const { caller } = await s.h.signIn('octocat');
      const step = await reachStep(s.h, s.db, caller, 'github:secrets:store', 'twice-secrets-bot');

      expect(await step.run()).toMatchObject({ status: 'waiting' });
      const values = await step.handOverSecrets();
      expect([...values.keys()]).toEqual(['DISCORD_TOKEN']);
      const first = await step.run();
      const second = await step.run();

      const done = { status: 'succeeded', output: { stored: ['DISCORD_TOKEN'] } };
      expect(first).toMatchObject(done);
      expect(second).toMatchObject(done);
      for (const [name, value] of values) {
        const path = `/repos/octocat/twice-secrets-bot/environments/production/secrets/${name}`;
        expect(step.calls('PUT', path), name).toHaveLength(1);
        expect(
          s.h.github.store.environmentSecret('octocat', 'twice-secrets-bot', 'production', name),
        ).toBe(value);
      }
      // Nothing repository-wide: every value lives in the production environment.
      expect(s.h.github.store.repo('octocat', 'twice-secrets-bot')?.secrets.size).toBe(0);
    },
    scaledTimeout(60_000),
  );
});
