import type { BuildConfig } from '@botsmith/shared';
import { source } from '../lib/text';

/**
 * A Fly.io app name from the project name: Fly allows lowercase letters, digits and hyphens,
 * and the project name (already validated as `[a-z0-9._-]`) may hold dots and underscores.
 */
export function flyAppName(config: BuildConfig): string {
  return config.project.name.replace(/[._]+/g, '-').replace(/^-+|-+$/g, '') || 'bot';
}

/**
 * `fly.toml` for `flyctl deploy`: the Dockerfile build and one machine that always runs (a bot
 * holds a gateway connection open, so it must not be stopped when idle), with the health check
 * when the project serves `/health`. Only generator values and the sanitized name go in here.
 */
export function flyToml(config: BuildConfig): string {
  const health = config.features.includes('health');
  return source(
    '# Fly.io configuration: flyctl deploy builds the Dockerfile remotely and runs it.',
    '# Create the app once with `fly apps create` (README.md, "Deploy") before the first deploy.',
    // JSON string syntax is valid TOML for this character set.
    `app = ${JSON.stringify(flyAppName(config))}`,
    '# The region closest to your users: https://fly.io/docs/reference/regions/',
    'primary_region = "iad"',
    '',
    '[build]',
    '  dockerfile = "Dockerfile"',
    '',
    '[env]',
    '  NODE_ENV = "production"',
    health && '  PORT = "3000"',
    '',
    '[[vm]]',
    '  size = "shared-cpu-1x"',
    '  memory = "512mb"',
    health && '',
    health && '[http_service]',
    health && '  internal_port = 3000',
    health && '  force_https = true',
    health && '  # The bot must stay connected to its chat platforms even without HTTP traffic.',
    health && '  auto_stop_machines = "off"',
    health && '  auto_start_machines = true',
    health && '  min_machines_running = 1',
    health && '',
    health && '  [[http_service.checks]]',
    health && '    grace_period = "20s"',
    health && '    interval = "30s"',
    health && '    method = "GET"',
    health && '    path = "/health"',
    health && '    timeout = "5s"',
  );
}
