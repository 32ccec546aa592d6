import { GENERATOR_VERSION, generate } from '@botsmith/generators';
import { buildConfigSchema } from '@botsmith/shared';
import { toTRPCError } from '../errors';
import { publicProcedure, router } from '../trpc/init';

/** Server-side generation; the same generator the browser and the CLI run. */
export const generatorRouter = router({
  /**
   * Every file `generate` produces for the config. An invalid config fails with BAD_REQUEST
   * and `data.configIssues` naming each bad field (added by the error formatter).
   */
  preview: publicProcedure.input(buildConfigSchema).query(({ input }) => {
    try {
      return { files: generate(input).files, generatorVersion: GENERATOR_VERSION };
    } catch (error) {
      throw toTRPCError(error);
    }
  }),
});
