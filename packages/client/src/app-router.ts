/**
 * The server's router type: the one place this package reaches into `@botsmith/api`, for
 * types only. Inside the workspace it is the server's own; the packed `.d.ts` carries a
 * self-contained copy instead (`scripts/app-router-declaration.ts`), so users need no server
 * types.
 */
export type { AppRouter } from '@botsmith/api';
