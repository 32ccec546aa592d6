import { scaledTimeout } from '@botsmith/test-kit';
import { expect, test } from 'vitest';
import { describeWithSetupHarness } from '../testing/setup-harness';
import { reachStep } from '../testing/step-harness';

describeWithSetupHarness('github:variables:set run twice', (s) => {
  test(
    'sets each typed value once as a production variable; an existing one is updated',
    async () => {
      const { caller } = await s.h.signIn('octocat');
      const name = 'vars-bot';
      const variables = { DISCORD_CLIENT_ID: '1234', PORT: '8080' };
      const step = await reachStep(s.h, s.db, caller, 'github:variables:set', name, { variables });
      // Someone set PORT by hand meanwhile: the step updates it (409, then PATCH).
      const environment = s.h.github.store.repo('octocat', name)?.environments.get('production');
      environment?.variables.set('PORT', {
        name: 'PORT',
        value: '1',
        createdAt: '2026-01-01T00:00:00Z',
        updatedAt: '2026-01-01T00:00:00Z',
      });
      const first = await step.run();
      const second = await step.run();
      const done = { status: 'succeeded', output: { set: ['DISCORD_CLIENT_ID', 'PORT'] } };
      expect(first).toMatchObject(done);
      expect(second).toMatchObject(done);
      const path = `/repos/octocat/${name}/environments/production/variables`;
      expect(step.calls('POST', path)).toHaveLength(2);
      expect(step.calls('PATCH', `${path}/PORT`)).toHaveLength(1);
      for (const [variable, value] of Object.entries(variables)) {
        expect(s.h.github.store.environmentVariable('octocat', name, 'production', variable)).toBe(
          value,
        );
      }
      expect(s.h.github.store.repo('octocat', name)?.variables.size).toBe(0);
    },
    scaledTimeout(60_000),
  );
});
