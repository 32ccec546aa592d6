import { putProductionVariable } from '../github/production-environment';
import type { SetupStep } from './setup-step';
import { githubVariablesSetOutput } from './step-outputs';

/**
 * Sets each plain value typed in step 7 as a `production` environment variable (created, or
 * updated when it exists), each under its own checkpoint so a rerun sets only the rest.
 * Values are plain but still never logged: only names are.
 */
export const githubVariablesSetStep: SetupStep<
  'github:variables:set',
  typeof githubVariablesSetOutput
> = {
  id: 'github:variables:set',
  description: 'Sets the plain values typed in step 7 as production environment variables.',
  output: githubVariablesSetOutput,
  async run(ctx) {
    const { owner, name: repo } = ctx.repo;
    const names = ctx.plan.variables.map((variable) => variable.name);
    ctx.log.info({ names }, 'setting the production variables');
    for (const variable of ctx.plan.variables) {
      await ctx.checkpoint(`variable:${variable.name}`, async () => {
        await putProductionVariable(ctx.github, { owner, repo }, variable);
        return true;
      });
    }
    ctx.log.info({ names }, 'set the production variables');
    return {
      status: 'succeeded',
      message: names.length > 0 ? `Set ${names.join(', ')}.` : 'No values to set.',
      output: { set: names },
    };
  },
};
