import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../context';
import { escapeHtml } from '../oauth/authorize-page';

/** An identicon-like SVG with the login's initial, so avatars work with no network. */
export function avatarSvg(login: string): string {
  const hue = createHash('sha1').update(login).digest()[0] ?? 0;
  const initial = escapeHtml((login[0] ?? '?').toUpperCase());
  return `<svg xmlns="http://www.w3.org/2000/svg" width="460" height="460" viewBox="0 0 46 46">
<rect width="46" height="46" fill="hsl(${Math.round((hue / 255) * 360)},55%,55%)"/>
<text x="23" y="31" font-family="system-ui,sans-serif" font-size="22" text-anchor="middle" fill="#fff">${initial}</text>
</svg>`;
}

/** `GET /_emulator/avatars/:login.svg`. */
export function registerAvatarRoutes(app: FastifyInstance, _ctx: EmulatorContext): void {
  app.get('/_emulator/avatars/:file', async (request, reply) => {
    const { file } = request.params as { file: string };
    const login = decodeURIComponent(file.replace(/\.svg$/, ''));
    return reply
      .type('image/svg+xml')
      .header('cache-control', 'public, max-age=86400')
      .header('cross-origin-resource-policy', 'cross-origin')
      .send(avatarSvg(login));
  });
}
