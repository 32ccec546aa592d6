import { scaledTimeout } from '@botsmith/test-kit';
import { expect, test } from 'vitest';
import { describeWithSetupHarness, TEST_PUBLIC_URL } from '../testing/setup-harness';
import { reachStep } from '../testing/step-harness';
import { testCipher } from '../testing/test-keys';
import { openWebhookSecret } from '../webhooks/webhook-secret';

describeWithSetupHarness('github:webhook:create run twice', (s) => {
  test(
    'one hook with the project’s one secret; the rerun updates it',
    async () => {
      const { caller } = await s.h.signIn('octocat');
      const step = await reachStep(s.h, s.db, caller, 'github:webhook:create', 'twice-hook-bot');

      const first = await step.run();
      const project = () =>
        s.db
          .selectFrom('projects')
          .selectAll()
          .where('id', '=', step.projectId)
          .executeTakeFirstOrThrow();
      const sealedFirst = (await project()).webhookSecretCiphertext;
      const second = await step.run();

      const hooks = [...(s.h.github.store.repo('octocat', 'twice-hook-bot')?.hooks.values() ?? [])];
      expect(hooks).toHaveLength(1);
      const output = { hookId: hooks[0]?.id, url: `${TEST_PUBLIC_URL}/webhooks/github` };
      expect(first).toMatchObject({ status: 'succeeded', output });
      expect(second).toMatchObject({ status: 'succeeded', output });
      expect(step.calls('POST', '/repos/octocat/twice-hook-bot/hooks')).toHaveLength(1);
      const stored = await project();
      expect(stored.webhookId).toBe(hooks[0]?.id);
      expect(stored.webhookSecretCiphertext).toEqual(sealedFirst);
      expect(hooks[0]?.config.secret).toBe(openWebhookSecret(testCipher(), stored));
    },
    scaledTimeout(60_000),
  );
});
