import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * Slices a list by `page`/`per_page` (default 30, max 100, unless the endpoint has its own)
 * and sets GitHub's `Link` header so `octokit.paginate` walks it.
 */
export function paginate<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  items: T[],
  limits: { perPage: number; maxPerPage: number } = { perPage: 30, maxPerPage: 100 },
): T[] {
  const query = request.query as Record<string, string | undefined>;
  const perPage = Math.min(
    limits.maxPerPage,
    Math.max(1, Number(query.per_page) || limits.perPage),
  );
  const page = Math.max(1, Number(query.page) || 1);
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const url = new URL(request.url, 'http://emulator.invalid');
  const host = request.headers.host ?? 'localhost';
  const link = (p: number, rel: string) => {
    url.searchParams.set('page', String(p));
    url.searchParams.set('per_page', String(perPage));
    return `<${request.protocol}://${host}${url.pathname}${url.search}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (page > 1) links.push(link(page - 1, 'prev'), link(1, 'first'));
  if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
  if (links.length > 0) reply.header('link', links.join(', '));
  return items.slice((page - 1) * perPage, page * perPage);
}
