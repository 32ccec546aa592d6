import type { FastifyRequest } from 'fastify';
import { GHES_PREFIX } from './ghes-prefix';
import type { Urls } from './json/urls';
import type { EmulatorStore } from './store';

/** What every route and background task shares. */
export interface EmulatorContext {
  store: EmulatorStore;
  /** The root URL clients reach the emulator at; known once the server listens. */
  publicUrl: string;
}

/**
 * URLs for response bodies: a request that came in under `/api/v3` gets GHES-style `url`s,
 * one at the root gets api.github.com-style ones; background events use the root.
 */
export function urlsFor(ctx: EmulatorContext, request?: FastifyRequest): Urls {
  const ghes = request?.url.startsWith(`${GHES_PREFIX}/`) ?? false;
  return { api: ghes ? `${ctx.publicUrl}${GHES_PREFIX}` : ctx.publicUrl, web: ctx.publicUrl };
}
