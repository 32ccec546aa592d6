import cors from '@fastify/cors';
import type { FastifyInstance } from 'fastify';

/**
 * CORS for the origins in `CORS_ORIGINS` only (credentials allowed: they are trusted like our
 * own origin). With an empty list no CORS headers are sent and browsers keep other sites out;
 * the SPA is same-origin and the SDK runs outside browsers, so neither needs CORS.
 */
export function registerCors(app: FastifyInstance, allowedOrigins: readonly string[]): void {
  const allowed = new Set(allowedOrigins);
  app.register(cors, {
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    credentials: true,
    methods: ['GET', 'POST'],
    allowedHeaders: ['content-type', 'authorization', 'x-request-id', 'trpc-accept'],
    exposedHeaders: ['x-request-id', 'retry-after'],
    maxAge: 600,
  });
}
