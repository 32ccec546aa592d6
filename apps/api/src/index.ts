/**
 * `@botsmith/api` as a library: the typed client SDK and the router type.
 * The web app imports only `type AppRouter`; Node scripts use `createBotsmithClient`.
 *
 * @example
 * import { createBotsmithClient } from '@botsmith/api';
 * const botsmith = createBotsmithClient({ url: 'http://localhost:3000' });
 * const catalog = await botsmith.catalog.get.query();
 */
export {
  type BotsmithClientOptions,
  createBotsmithClient,
} from './sdk/create-botsmith-client';
export type { AppRouter } from './trpc/app-router';
