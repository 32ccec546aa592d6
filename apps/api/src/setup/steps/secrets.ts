import { provideSecretsInputSchema } from '@botsmith/shared';
import { PermanentGitHubError } from '../github-retry';
import type { SetupStep } from '../step-types';

const sealedSchema = provideSecretsInputSchema.shape.secrets;

/**
 * Two phases. Without sealed values, it reads the repository's Actions public key and pauses
 * the run for the browser, which seals each value with it (libsodium sealed box) so that the
 * server never sees them. Once `provideSecrets` has put the sealed values in this step's
 * checkpoint, it stores them at GitHub one by one, recording each stored name, so a rerun
 * after a crash stores only the rest — and then drops the ciphertext.
 */
export const secretsStep: SetupStep = {
  name: 'secrets',
  async run(ctx) {
    const [owner = '', repo = ''] = String(ctx.outputs.create_repo?.fullName ?? '').split('/');
    const sealed = sealedSchema.safeParse(ctx.output.sealed);
    if (!sealed.success) {
      const key = await ctx.github(() =>
        ctx.octokit.rest.actions.getRepoPublicKey({ owner, repo }),
      );
      return {
        status: 'waiting',
        message: `Waiting for ${ctx.plan.secretNames.length} secret values, encrypted in your browser.`,
        output: { keyId: key.data.key_id, key: key.data.key, names: ctx.plan.secretNames },
      };
    }
    const stored = new Set(Array.isArray(ctx.output.stored) ? ctx.output.stored.map(String) : []);
    try {
      for (const secret of sealed.data) {
        if (stored.has(secret.name)) continue;
        await ctx.github(() =>
          ctx.octokit.rest.actions.createOrUpdateRepoSecret({
            owner,
            repo,
            secret_name: secret.name,
            encrypted_value: secret.encryptedValue,
            key_id: String(ctx.output.keyId),
          }),
        );
        stored.add(secret.name);
        await ctx.checkpoint({ stored: [...stored] });
      }
    } catch (error) {
      // GitHub refused the values (say, its key changed): a retry must ask the browser again.
      if (error instanceof PermanentGitHubError) await ctx.checkpoint({ sealed: undefined });
      throw error;
    }
    return {
      status: 'succeeded',
      message: `Stored ${[...stored].join(', ')}.`,
      output: { sealed: undefined, stored: [...stored] },
    };
  },
};
