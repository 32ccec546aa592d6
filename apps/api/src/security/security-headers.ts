import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import type { GitHubConfig } from '../github/github-config';

/** Options for `registerSecurityHeaders`. */
export interface SecurityHeadersOptions {
  production: boolean;
  /** PUBLIC_URL: HSTS and request upgrades only make sense when it is https. */
  publicUrl: string;
  github: GitHubConfig;
}

/**
 * Where avatars come from: github.com serves them from avatars.githubusercontent.com,
 * Enterprise Server from its own host (or `avatars.<host>` with subdomain isolation), the
 * emulator from its root.
 */
export function avatarOrigins(github: GitHubConfig): string[] {
  const web = new URL(github.webUrl);
  if (web.hostname === 'github.com') return ['https://avatars.githubusercontent.com'];
  if (github.emulator) return [web.origin];
  return [web.origin, `${web.protocol}//avatars.${web.host}`];
}

function servesHttps(options: SecurityHeadersOptions): boolean {
  return options.production && new URL(options.publicUrl).protocol === 'https:';
}

/**
 * The Content-Security-Policy the built SPA runs under: scripts and styles only from our own
 * origin (the Vite build emits no inline script or style; highlight.js only adds classes), no
 * plugins, no framing. Exported so tests can assert the exact policy.
 */
export function contentSecurityPolicy(options: SecurityHeadersOptions) {
  return {
    defaultSrc: ["'self'"],
    // libsodium (sealing Actions secrets in the browser, wizard step 7) is WebAssembly-only;
    // 'wasm-unsafe-eval' allows compiling wasm, not JavaScript eval.
    scriptSrc: ["'self'", "'wasm-unsafe-eval'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:', ...avatarOrigins(options.github)],
    fontSrc: ["'self'"],
    connectSrc: ["'self'"],
    manifestSrc: ["'self'"],
    workerSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    // Over plain http (development, tests, a local container) upgrading would break requests.
    upgradeInsecureRequests: servesHttps(options) ? [] : null,
  };
}

/**
 * Security headers on every response (SPEC §6): CSP, HSTS in production, nosniff,
 * `X-Frame-Options: DENY` next to `frame-ancestors 'none'` for old browsers, a referrer
 * policy that keeps `Origin` on same-origin POSTs, and same-origin COOP/CORP.
 */
export function registerSecurityHeaders(
  app: FastifyInstance,
  options: SecurityHeadersOptions,
): void {
  app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(options) },
    strictTransportSecurity: servesHttps(options)
      ? { maxAge: 31_536_000, includeSubDomains: true }
      : false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    xFrameOptions: { action: 'deny' },
  });
}
