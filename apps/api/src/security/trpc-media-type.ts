import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { errorBody } from '../errors';

/**
 * Only JSON reaches tRPC. Our clients (web, SDK) never send anything else, while
 * `multipart/form-data`, urlencoded and `text/plain` are exactly what an HTML form on another
 * site can send without a CORS preflight; tRPC v11 would parse form data as procedure input.
 * Defence in depth behind `csrfPlugin`, which also covers anonymous requests. Judged by the
 * matched route, not the raw URL: the router decodes `/%74rpc/…` to `/trpc/…` and routes it.
 */
export const trpcMediaTypePlugin = fp(
  async (app: FastifyInstance, options: { prefix: string }) => {
    app.addHook('onRequest', async (request, reply) => {
      if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS') {
        return;
      }
      if (!request.routeOptions.url?.startsWith(`${options.prefix}/`)) return;
      const type = request.headers['content-type']?.split(';', 1)[0]?.trim().toLowerCase();
      if (type === 'application/json') return;
      return reply
        .code(415)
        .send(errorBody('UNSUPPORTED_MEDIA_TYPE', 'tRPC requests must send application/json.'));
    });
  },
  { name: 'botsmith-trpc-media-type' },
);
