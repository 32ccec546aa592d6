import type { BuildConfig } from '@botsmith/shared';
import { needsHttpServer } from '../base/http';
import { HEALTHCHECK_COMMAND } from '../base/project/dockerfile';
import { toYaml } from '../lib/yaml';

/** The image the deploy workflow pushes; OWNER/REPO is the repository, in lower case. */
export const GHCR_IMAGE = 'ghcr.io/OWNER/REPO:latest';

/**
 * `compose.yaml` for a GHCR-image project: the pushed image with its runtime values from
 * `.env` (never baked into the image), restarted unless stopped, with the image's health check
 * when the project serves /health. Only generator values go in here.
 */
export function composeFile(config: BuildConfig): string {
  const http = needsHttpServer(config);
  const bot: Record<string, unknown> = {
    image: GHCR_IMAGE,
    env_file: '.env',
    restart: 'unless-stopped',
    ...(http ? { ports: ['3000:3000'] } : {}),
    ...(config.features.includes('health')
      ? {
          healthcheck: {
            test: ['CMD', ...HEALTHCHECK_COMMAND],
            interval: '30s',
            timeout: '5s',
            start_period: '20s',
            retries: 3,
          },
        }
      : {}),
  };
  return toYaml(
    { services: { bot } },
    [
      'Runs the image the deploy workflow pushes: `docker compose up -d` next to a filled-in .env.',
      `Replace OWNER/REPO in the image with this repository's (lower case). \`docker compose pull\``,
      'then `docker compose up -d` moves to the latest deploy.',
    ].join('\n'),
  );
}
