/**
 * `@botsmith/client`: the typed Botsmith API client. Scripts call `createBotsmithClient`;
 * apps that build their own tRPC client (the web app) take `createBotsmithLinks`.
 *
 * @example
 * import { createBotsmithClient } from '@botsmith/client';
 * const botsmith = createBotsmithClient({ url: 'http://localhost:3000', token: process.env.BOTSMITH_TOKEN });
 * const { items } = await botsmith.project.list.query();
 */
export type { AppRouter } from './app-router';
export {
  type BotsmithClient,
  type BotsmithClientOptions,
  createBotsmithClient,
} from './create-botsmith-client';
export {
  type BotsmithLinksOptions,
  createBotsmithLinks,
  type EventSourceConstructor,
} from './create-botsmith-links';
export type { RouterInputs, RouterOutputs } from './router-types';
