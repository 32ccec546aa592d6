import { PRODUCTION_ENVIRONMENT, provideSecretsInputSchema } from '@botsmith/shared';
import { z } from 'zod';
import {
  ensureProductionEnvironment,
  productionPublicKey,
  putProductionSecret,
} from '../github/production-environment';
import { PermanentGitHubError } from '../setup/github-retry';
import type { SetupStep } from './setup-step';
import { githubSecretsStoreOutput } from './step-outputs';

/**
 * What `provideSecrets` leaves in the step's saved state: the browser's sealed values. A run
 * started before secrets moved to the environment sealed them for the repository's key and
 * lacks `environment`: those are asked for again.
 */
const handedOverSchema = z.object({
  environment: z.literal(PRODUCTION_ENVIRONMENT),
  keyId: z.string(),
  sealed: provideSecretsInputSchema.shape.secrets,
});

/**
 * Two phases. Without sealed values, it reads the `production` environment's public key and
 * pauses the run for the browser, which seals each value it has with it (libsodium sealed
 * box) so that the server never sees them. Once `provideSecrets` has put the sealed values in
 * this step's saved state, it stores them as environment secrets one by one, each under its
 * own checkpoint, so a rerun after a crash stores only the rest; the output then drops the
 * ciphertext.
 */
export const githubSecretsStoreStep: SetupStep<
  'github:secrets:store',
  typeof githubSecretsStoreOutput
> = {
  id: 'github:secrets:store',
  description:
    'Stores the secrets the browser sealed with the production environment’s public key.',
  output: githubSecretsStoreOutput,
  async run(ctx) {
    const ref = { owner: ctx.repo.owner, repo: ctx.repo.name };
    const handedOver = handedOverSchema.safeParse(ctx.saved);
    if (!handedOver.success) {
      ctx.log.info('asking the browser for the sealed secrets');
      // Runs recorded before the environment step existed reach here without it.
      await ensureProductionEnvironment(ctx.github, ref);
      const key = await productionPublicKey(ctx.github, ref);
      await ctx.save({
        environment: PRODUCTION_ENVIRONMENT,
        keyId: key.keyId,
        key: key.key,
        names: ctx.plan.secretNames,
        sealed: undefined,
      });
      return {
        status: 'waiting',
        message: `Waiting for up to ${ctx.plan.secretNames.length} secret values, encrypted in your browser.`,
      };
    }
    const { keyId, sealed } = handedOver.data;
    ctx.log.info({ names: sealed.map((secret) => secret.name) }, 'storing the sealed secrets');
    try {
      for (const secret of sealed) {
        await ctx.checkpoint(`secret:${secret.name}`, async () => {
          await putProductionSecret(ctx.github, ref, { ...secret, keyId });
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
    return {
      status: 'succeeded',
      message:
        stored.length > 0
          ? `Stored ${stored.join(', ')} in ${PRODUCTION_ENVIRONMENT}.`
          : 'No secrets given.',
      output: { stored },
    };
  },
};
