import { activityRouter } from '../routers/activity';
import { apiTokenRouter } from '../routers/api-token';
import { authRouter } from '../routers/auth';
import { catalogRouter } from '../routers/catalog';
import { deploymentRouter } from '../routers/deployment';
import { generatorRouter } from '../routers/generator';
import { projectRouter } from '../routers/project';
import { projectSecretsRouter } from '../routers/project-secrets';
import { setupRunRouter } from '../routers/setup-run';
import { router } from './init';

/** Every tRPC procedure the API serves, at `/trpc`. */
export const appRouter = router({
  activity: activityRouter,
  apiToken: apiTokenRouter,
  auth: authRouter,
  catalog: catalogRouter,
  deployment: deploymentRouter,
  generator: generatorRouter,
  project: projectRouter,
  projectSecrets: projectSecretsRouter,
  setupRun: setupRunRouter,
});

/** The router's type: all the web app and SDK users import from the API. */
export type AppRouter = typeof appRouter;
