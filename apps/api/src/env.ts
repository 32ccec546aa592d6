import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LockfileOptions } from '@botsmith/generators/lockfile';
import { z } from 'zod';
import { type EncryptionKey, parseEncryptionKeys } from './crypto/encryption-keys';
import { resolveGitHubConfig } from './github/github-config';

/** The built SPA, relative to this module: `apps/api/src` and `apps/api/dist` sit at one depth. */
const DEFAULT_WEB_DIST_DIR = fileURLToPath(new URL('../../web/dist', import.meta.url));

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Variables whose values are secrets: errors name them but never echo what was set. */
const SECRET_VARIABLES = new Set(['DATABASE_URL', 'GITHUB_CLIENT_SECRET', 'ENCRYPTION_KEYS']);

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

const httpUrl = (what: string) =>
  z.url({ protocol: /^https?$/, error: `must be an http:// or https:// URL (${what})` });

const wholeNumber = (
  unit: string,
  fallback: number,
  min = 0,
  minMessage = `must be ${min} or more`,
) =>
  z.coerce
    .number({ error: `must be a number of ${unit}` })
    .int('must be a whole number')
    .min(min, minMessage)
    .default(fallback);

const perMinute = (fallback: number) =>
  wholeNumber('requests per minute', fallback, 0, 'must be 0 (off) or more');

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    PORT: z.coerce
      .number({ error: 'must be a port number' })
      .int('must be a whole number')
      .min(0, 'must be between 0 and 65535')
      .max(65535, 'must be between 0 and 65535')
      .default(3000),
    HOST: z.string().optional(),
    DATABASE_URL: z
      .url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// or postgresql:// URL' })
      .optional(),
    /** How long start-up waits for PostgreSQL to answer before giving up (0: not at all). */
    DATABASE_WAIT_SECONDS: wholeNumber('seconds', 60),
    DATABASE_STATEMENT_TIMEOUT_MS: wholeNumber('milliseconds', 30_000, 100),
    DATA_DIR: z.string().default('.data'),
    LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
    WEB_DIST_DIR: z.string().default(DEFAULT_WEB_DIST_DIR),
    PUBLIC_URL: httpUrl('where users reach Botsmith').optional(),
    GITHUB_CLIENT_ID: z.string().optional(),
    GITHUB_CLIENT_SECRET: z.string().optional(),
    GITHUB_URL: httpUrl('GitHub web, e.g. https://github.com').optional(),
    GITHUB_API_URL: httpUrl('GitHub REST, e.g. https://api.github.com').optional(),
    GITHUB_EMULATOR_URL: httpUrl('the local GitHub emulator').optional(),
    GITHUB_REQUEST_TIMEOUT_MS: z.coerce
      .number({ error: 'must be a number of milliseconds' })
      .int('must be a whole number of milliseconds')
      .min(100, 'must be between 100 and 300000 milliseconds')
      .max(300_000, 'must be between 100 and 300000 milliseconds')
      .optional(),
    ENCRYPTION_KEYS: z.string().optional(),
    CORS_ORIGINS: z.string().optional(),
    TRUST_PROXY: z.string().optional(),
    RATE_LIMIT_AUTH_PER_MINUTE: perMinute(10),
    RATE_LIMIT_API_PER_MINUTE: perMinute(600),
    RATE_LIMIT_WEBHOOK_PER_MINUTE: perMinute(1000),
    /** The registry generated projects' lockfiles are resolved against (npm's default when unset). */
    LOCKFILE_REGISTRY: httpUrl('an npm registry, e.g. https://registry.npmjs.org/').optional(),
    LOCKFILE_TIMEOUT_SECONDS: wholeNumber('seconds', 120, 5),
    /** Where resolved lockfiles are cached by dependency set; under DATA_DIR when unset. */
    LOCKFILE_CACHE_DIR: z.string().optional(),
  })
  .superRefine((env, ctx) => {
    const problem = (path: string, message: string) =>
      ctx.addIssue({ code: 'custom', path: [path], message });

    if (env.ENCRYPTION_KEYS !== undefined) {
      const parsed = parseEncryptionKeys(env.ENCRYPTION_KEYS);
      if (!parsed.ok) problem('ENCRYPTION_KEYS', parsed.error);
    }
    if (Boolean(env.GITHUB_CLIENT_ID) !== Boolean(env.GITHUB_CLIENT_SECRET)) {
      const missing = env.GITHUB_CLIENT_ID ? 'GITHUB_CLIENT_SECRET' : 'GITHUB_CLIENT_ID';
      problem(missing, 'set GITHUB_CLIENT_ID and GITHUB_CLIENT_SECRET together');
    }
    for (const origin of splitList(env.CORS_ORIGINS)) {
      if (!isOrigin(origin)) {
        problem('CORS_ORIGINS', `"${origin}" is not an origin like https://app.example.com`);
      }
    }
    if (env.NODE_ENV !== 'production') return;

    // Production never falls back to development defaults (STYLE: validate at the edges).
    if (env.GITHUB_EMULATOR_URL) {
      problem('GITHUB_EMULATOR_URL', 'the GitHub emulator is for development and tests only');
    }
    if (!env.GITHUB_CLIENT_ID) {
      problem('GITHUB_CLIENT_ID', 'required in production (your GitHub OAuth app)');
    } else if (env.GITHUB_CLIENT_ID === 'botsmith-dev-client') {
      problem('GITHUB_CLIENT_ID', 'is the GitHub emulator’s client; use your own OAuth app');
    }
    if (!env.ENCRYPTION_KEYS) {
      problem('ENCRYPTION_KEYS', 'required in production (see README: encryption keys)');
    }
    if (!env.PUBLIC_URL) {
      problem('PUBLIC_URL', 'required in production, e.g. https://botsmith.example.com');
    } else {
      const url = new URL(env.PUBLIC_URL);
      // Browsers treat loopback as a secure context, so `docker compose` on localhost works.
      if (url.protocol !== 'https:' && !LOOPBACK_HOSTS.has(url.hostname)) {
        problem('PUBLIC_URL', 'must be https:// in production (session cookies are Secure)');
      }
    }
  })
  .transform((env) => {
    const host = env.HOST ?? (env.NODE_ENV === 'production' ? '0.0.0.0' : '127.0.0.1');
    const publicUrl = new URL(env.PUBLIC_URL ?? `http://127.0.0.1:${env.PORT}`);
    const keys = env.ENCRYPTION_KEYS ? parseEncryptionKeys(env.ENCRYPTION_KEYS) : undefined;
    return {
      NODE_ENV: env.NODE_ENV,
      PORT: env.PORT,
      // Listen on every interface only in production (containers); locally stay private.
      HOST: host,
      DATABASE_URL: env.DATABASE_URL,
      DATABASE_WAIT_MS: env.DATABASE_WAIT_SECONDS * 1000,
      DATABASE_STATEMENT_TIMEOUT_MS: env.DATABASE_STATEMENT_TIMEOUT_MS,
      DATA_DIR: env.DATA_DIR,
      LOG_LEVEL: env.LOG_LEVEL,
      WEB_DIST_DIR: env.WEB_DIST_DIR,
      /** Origin users reach us at, without a trailing slash; OAuth callbacks go under it. */
      PUBLIC_URL: publicUrl.origin,
      GITHUB: resolveGitHubConfig(env),
      /** `undefined` outside production means "use or create the development key". */
      ENCRYPTION_KEYS: keys?.ok ? keys.keys : undefined,
      CORS_ORIGINS: splitList(env.CORS_ORIGINS).map((origin) => new URL(origin).origin),
      TRUST_PROXY: parseTrustProxy(env.TRUST_PROXY),
      RATE_LIMITS: {
        auth: env.RATE_LIMIT_AUTH_PER_MINUTE,
        api: env.RATE_LIMIT_API_PER_MINUTE,
        webhook: env.RATE_LIMIT_WEBHOOK_PER_MINUTE,
      },
      LOCKFILES: {
        registry: env.LOCKFILE_REGISTRY,
        timeoutMs: env.LOCKFILE_TIMEOUT_SECONDS * 1000,
        cacheDir: env.LOCKFILE_CACHE_DIR ?? join(env.DATA_DIR, 'lockfiles'),
      } satisfies LockfileOptions,
    };
  });

/** The validated environment. */
export type Env = z.output<typeof envSchema>;

/** Requests allowed per client and minute, by bucket; 0 turns a bucket off. */
export type RateLimits = Env['RATE_LIMITS'];

export type { EncryptionKey };

/** The outcome of `parseEnv`: the environment, or one `NAME: problem` line per bad variable. */
export type EnvResult = { ok: true; env: Env } | { ok: false; errors: string[] };

function splitList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return /^https?:$/.test(url.protocol) && url.origin === value.replace(/\/$/, '');
  } catch {
    return false;
  }
}

/** Fastify's `trustProxy`: `true`, a hop count, or addresses/CIDRs of the proxies. */
function parseTrustProxy(value: string | undefined): boolean | number | string[] {
  if (!value || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  return splitList(value);
}

/**
 * Validates environment variables. Empty values count as unset, so `DATABASE_URL=` in a
 * compose file means "use the default", not "invalid URL".
 *
 * @example
 * const result = parseEnv({ PORT: '8080' });
 * if (result.ok) console.log(result.env.PORT); // 8080
 */
export function parseEnv(source: Record<string, string | undefined>): EnvResult {
  const present = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value.trim() !== ''),
  );
  const result = envSchema.safeParse(present);
  if (result.success) return { ok: true, env: result.data };
  return {
    ok: false,
    errors: result.error.issues.map((issue) => {
      const name = issue.path.map(String).join('.') || '(environment)';
      const value = present[name];
      // Never echo secrets back: a URL may carry a password, keys are keys.
      const shown = value === undefined || SECRET_VARIABLES.has(name) ? '' : ` (got "${value}")`;
      return `${name}: ${issue.message}${shown}`;
    }),
  };
}

/**
 * Parses `process.env` once at start; on bad values prints every problem and exits with 1.
 *
 * @example const env = loadEnv();
 */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = parseEnv(source);
  if (result.ok) return result.env;
  console.error(
    `Invalid environment:\n${result.errors.map((line) => `  - ${line}`).join('\n')}\n` +
      'Fix these variables and start again.',
  );
  process.exit(1);
}
