/** Where GitHub lives and which OAuth app we are: github.com, Enterprise Server or the emulator. */
export interface GitHubConfig {
  /** The web host users sign in at, e.g. `https://github.com` (no trailing slash). */
  webUrl: string;
  /** The REST API root, e.g. `https://api.github.com` or `https://ghe.example.com/api/v3`. */
  apiUrl: string;
  clientId: string;
  clientSecret: string;
  /** True when this is the local GitHub emulator (development and tests only). */
  emulator: boolean;
  /** How long one request to GitHub may take, answer included, before it is given up. */
  requestTimeoutMs: number;
}

/** `GITHUB_REQUEST_TIMEOUT_MS` when unset: well past GitHub's usual answer, far below undici's 300 s. */
export const DEFAULT_GITHUB_REQUEST_TIMEOUT_MS = 15_000;

/** The emulator `pnpm dev` starts, and the OAuth app it is seeded with. */
export const GITHUB_EMULATOR_DEFAULTS = {
  url: 'http://127.0.0.1:4010',
  clientId: 'botsmith-dev-client',
  clientSecret: 'botsmith-dev-secret',
} as const;

/** The environment variables `resolveGitHubConfig` reads (already validated). */
export interface GitHubEnv {
  NODE_ENV: 'development' | 'test' | 'production';
  GITHUB_CLIENT_ID?: string | undefined;
  GITHUB_CLIENT_SECRET?: string | undefined;
  GITHUB_URL?: string | undefined;
  GITHUB_API_URL?: string | undefined;
  GITHUB_EMULATOR_URL?: string | undefined;
  GITHUB_REQUEST_TIMEOUT_MS?: number | undefined;
}

const trim = (url: string) => url.replace(/\/+$/, '');

/**
 * The REST root for a GitHub web URL: `api.github.com` for github.com, `<host>/api/v3` for
 * GitHub Enterprise Server.
 */
export function defaultApiUrl(webUrl: string): string {
  const url = new URL(webUrl);
  return url.hostname === 'github.com' ? 'https://api.github.com' : `${trim(webUrl)}/api/v3`;
}

/**
 * Resolves the GitHub configuration. Outside production, without OAuth credentials, it falls
 * back to the local emulator (`GITHUB_EMULATOR_URL`, default http://127.0.0.1:4010), which
 * serves both the web flow and REST at its root. Production validation has already refused
 * the emulator and missing credentials.
 *
 * @example resolveGitHubConfig({ NODE_ENV: 'development' }).emulator // true
 */
export function resolveGitHubConfig(env: GitHubEnv): GitHubConfig {
  const requestTimeoutMs = env.GITHUB_REQUEST_TIMEOUT_MS ?? DEFAULT_GITHUB_REQUEST_TIMEOUT_MS;
  const useEmulator =
    Boolean(env.GITHUB_EMULATOR_URL) || (!env.GITHUB_CLIENT_ID && env.NODE_ENV !== 'production');
  if (useEmulator) {
    const url = trim(env.GITHUB_EMULATOR_URL ?? GITHUB_EMULATOR_DEFAULTS.url);
    return {
      webUrl: trim(env.GITHUB_URL ?? url),
      apiUrl: trim(env.GITHUB_API_URL ?? url),
      clientId: env.GITHUB_CLIENT_ID ?? GITHUB_EMULATOR_DEFAULTS.clientId,
      clientSecret: env.GITHUB_CLIENT_SECRET ?? GITHUB_EMULATOR_DEFAULTS.clientSecret,
      emulator: true,
      requestTimeoutMs,
    };
  }
  const webUrl = trim(env.GITHUB_URL ?? 'https://github.com');
  return {
    webUrl,
    apiUrl: trim(env.GITHUB_API_URL ?? defaultApiUrl(webUrl)),
    clientId: env.GITHUB_CLIENT_ID ?? '',
    clientSecret: env.GITHUB_CLIENT_SECRET ?? '',
    emulator: false,
    requestTimeoutMs,
  };
}
