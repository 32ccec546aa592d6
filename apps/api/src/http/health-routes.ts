import { checkReady, type Db } from '@botsmith/db';
import type { FastifyInstance } from 'fastify';

/**
 * `GET /health` (liveness: the process answers) and `GET /ready` (readiness: the database
 * answers and every migration is applied; 503 otherwise, and while shutting down).
 */
export function registerHealthRoutes(app: FastifyInstance, db: Db): void {
  app.get('/health', async () => ({ status: 'ok' }));

  app.get('/ready', async (request, reply) => {
    const readiness = await checkReady(db);
    if (readiness.ready) return { status: 'ready' };
    // The detail (a host name, a driver message) goes to the log, not to the caller.
    request.log.warn({ reason: readiness.reason, detail: readiness.detail }, 'not ready');
    return reply.code(503).send({ status: 'not_ready', reason: readiness.reason });
  });
}
