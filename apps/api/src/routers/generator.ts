import { GENERATOR_VERSION, generate } from '@botsmith/generators';
import { upgradableBuildConfigSchema } from '@botsmith/shared';
import { publicProcedure, router } from '../trpc/init';

/** Server-side generation; the same generator the browser and the CLI run. */
export const generatorRouter = router({
  /**
   * Every file `generate` produces for the config. An invalid config fails with BAD_REQUEST
   * and `data.configIssues` naming each bad field (added by the error formatter). A config saved
   * with an older schema version (such as 1, with Node 20) is upgraded first.
   */
  preview: publicProcedure
    .meta({ permission: 'public' })
    .input(upgradableBuildConfigSchema)
    .query(({ input }) => ({ files: generate(input).files, generatorVersion: GENERATOR_VERSION })),
});
