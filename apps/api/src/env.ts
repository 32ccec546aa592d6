import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** The built SPA, relative to this module: `apps/api/src` and `apps/api/dist` sit at one depth. */
const DEFAULT_WEB_DIST_DIR = fileURLToPath(new URL('../../web/dist', import.meta.url));

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

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
    DATA_DIR: z.string().default('.data'),
    LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
    WEB_DIST_DIR: z.string().default(DEFAULT_WEB_DIST_DIR),
  })
  .transform(({ HOST, ...env }) => ({
    ...env,
    // Listen on every interface only in production (containers); locally stay private.
    HOST: HOST ?? (env.NODE_ENV === 'production' ? '0.0.0.0' : '127.0.0.1'),
  }));

/** The validated environment. */
export type Env = z.output<typeof envSchema>;

/** The outcome of `parseEnv`: the environment, or one `NAME: problem` line per bad variable. */
export type EnvResult = { ok: true; env: Env } | { ok: false; errors: string[] };

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
      // Never echo DATABASE_URL back: it may carry a password.
      const shown = value === undefined || name === 'DATABASE_URL' ? '' : ` (got "${value}")`;
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
