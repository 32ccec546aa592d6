import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { errorBody } from '../errors';

/** Paths the SPA never answers: a typo under them is a 404 JSON error, not the wizard page. */
const SERVER_PREFIXES = ['/trpc', '/api', '/health', '/ready', '/auth', '/webhooks'];

/** Whether `dir` holds a built SPA. */
export function hasSpa(dir: string | null | undefined): dir is string {
  return !!dir && existsSync(join(dir, 'index.html'));
}

/**
 * Serves the built SPA from `dir`: hashed assets cached for a year, `index.html` revalidated.
 * Unknown GET paths that look like client routes get `index.html` (see `registerNotFound`).
 */
export function registerSpa(app: FastifyInstance, dir: string): void {
  app.register(fastifyStatic, {
    root: dir,
    // Our setHeaders decides caching; @fastify/static's own header would override it.
    cacheControl: false,
    setHeaders(reply, path) {
      reply.header(
        'cache-control',
        path.includes(`${join(dir, 'assets')}`)
          ? 'public, max-age=31536000, immutable'
          : 'no-cache',
      );
    },
  });
}

function isClientRoute(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const path = request.url.split('?', 1)[0] ?? '/';
  if (SERVER_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`))) {
    return false;
  }
  // A missing /assets/app.js must stay a 404, not become HTML the browser tries to run.
  const lastSegment = path.slice(path.lastIndexOf('/') + 1);
  return !lastSegment.includes('.');
}

/**
 * 404s as JSON; with an SPA, client routes (`/dashboard`, `/`) get its `index.html` so the
 * router in the browser can take over.
 */
export function registerNotFound(app: FastifyInstance, spa: boolean): void {
  app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) => {
    if (spa && isClientRoute(request)) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    const path = request.url.split('?', 1)[0];
    return reply.code(404).send(errorBody('NOT_FOUND', `No route for ${request.method} ${path}`));
  });
}
