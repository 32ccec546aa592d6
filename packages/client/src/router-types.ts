import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from './app-router';

/** Every procedure's input, by path: `RouterInputs['project']['saveDraft']`. */
export type RouterInputs = inferRouterInputs<AppRouter>;

/** Every procedure's output, by path: `RouterOutputs['project']['list']['items'][number]`. */
export type RouterOutputs = inferRouterOutputs<AppRouter>;
