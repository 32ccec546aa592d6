/**
 * `@botsmith/api` as a library: only the router type. `@botsmith/client` builds the typed
 * client on it (and inlines it into its packed declarations); the server itself is
 * `src/main.ts`.
 *
 * @example
 * import type { AppRouter } from '@botsmith/api';
 * type Procedures = keyof AppRouter['_def']['procedures'];
 */
export type { AppRouter } from './trpc/app-router';
