import {
  BUILD_CONFIG_SCHEMA_VERSION,
  FEATURES,
  PLATFORMS,
  PRIORITIES,
  WIZARD_STEPS,
} from '@botsmith/shared';
import { publicProcedure, router } from '../trpc/init';

/** The wizard's choices, for clients that do not bundle `@botsmith/shared` (SDK scripts). */
export const catalogRouter = router({
  get: publicProcedure.meta({ permission: 'public' }).query(() => ({
    platforms: PLATFORMS,
    features: FEATURES,
    priorities: PRIORITIES,
    steps: WIZARD_STEPS,
    schemaVersion: BUILD_CONFIG_SCHEMA_VERSION,
  })),
});
