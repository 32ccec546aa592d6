import type { SetupStep } from '../step-types';

/**
 * Pauses the run for the browser: it needs the repository's Actions public key to seal the
 * secret values (libsodium sealed box) so that the server never sees them. `provideSecrets`
 * stores the sealed values and resumes the run.
 */
export const secretsStep: SetupStep = {
  name: 'secrets',
  async run(ctx) {
    const [owner = '', repo = ''] = String(ctx.outputs.create_repo?.fullName ?? '').split('/');
    const key = await ctx.github(() => ctx.octokit.rest.actions.getRepoPublicKey({ owner, repo }));
    return {
      status: 'waiting',
      message: `Waiting for ${ctx.plan.secretNames.length} secret values, encrypted in your browser.`,
      output: { keyId: key.data.key_id, key: key.data.key, names: ctx.plan.secretNames },
    };
  },
};
