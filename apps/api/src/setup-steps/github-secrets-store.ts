import { provideSecretsInputSchema } from '@botsmith/shared';
import { z } from 'zod';
import { PermanentGitHubError } from '../setup/github-retry';
import type { SetupStep } from './setup-step';
import { githubSecretsStoreOutput } from './step-outputs';

/** What `provideSecrets` leaves in the step's saved state: the browser's sealed values. */
const handedOverSchema = z.object({
  keyId: z.string(),
  sealed: provideSecretsInputSchema.shape.secrets,
});

/**
 * Two phases. Without sealed values, it reads the repository's Actions public key and pauses
 * the run for the browser, which seals each value with it (libsodium sealed box) so that the
 * server never sees them. Once `provideSecrets` has put the sealed values in this step's
 * saved state, it stores them at GitHub one by one, each under its own checkpoint, so a rerun
 * after a crash stores only the rest; the output then drops the ciphertext.
 */
export const githubSecretsStoreStep: SetupStep<
  'github:secrets:store',
  typeof githubSecretsStoreOutput
> = {
  id: 'github:secrets:store',
  description: 'Stores the Actions secrets the browser sealed with the repository’s public key.',
  output: githubSecretsStoreOutput,
  async run(ctx) {
    const { owner, name: repo } = ctx.repo;
    const handedOver = handedOverSchema.safeParse(ctx.saved);
    if (!handedOver.success) {
      ctx.log.info('asking the browser for the sealed secrets');
      const key = await ctx.github.rest.actions.getRepoPublicKey({ owner, repo });
      await ctx.save({ keyId: key.data.key_id, key: key.data.key, names: ctx.plan.secretNames });
      return {
        status: 'waiting',
        message: `Waiting for ${ctx.plan.secretNames.length} secret values, encrypted in your browser.`,
      };
    }
    const { keyId, sealed } = handedOver.data;
    ctx.log.info({ names: sealed.map((secret) => secret.name) }, 'storing the sealed secrets');
    try {
      for (const secret of sealed) {
        await ctx.checkpoint(`secret:${secret.name}`, async () => {
          await ctx.github.rest.actions.createOrUpdateRepoSecret({
            owner,
            repo,
            secret_name: secret.name,
            encrypted_value: secret.encryptedValue,
            key_id: keyId,
          });
          return true;
        });
      }
    } catch (error) {
      // GitHub refused the values (say, its key changed): a retry must ask the browser again.
      if (error instanceof PermanentGitHubError) await ctx.save({ sealed: undefined });
      throw error;
    }
    const stored = sealed.map((secret) => secret.name);
    ctx.log.info({ stored }, 'stored the secrets');
    return { status: 'succeeded', message: `Stored ${stored.join(', ')}.`, output: { stored } };
  },
};
