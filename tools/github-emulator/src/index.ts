import type { AddressInfo } from 'node:net';
import type { EmulatorContext } from './context';
import { sodiumReady } from './secrets/sealed-box';
import { buildServer } from './server';
import { EmulatorStore } from './store';

/** Options for `startGitHubEmulator`. */
export interface GitHubEmulatorOptions {
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  /** Interface to bind; default 127.0.0.1. */
  host?: string;
  /** URL clients use when it differs from `http://host:port` (e.g. behind a proxy). */
  publicUrl?: string;
  /** Seed octocat, hubot, botsmith-test-org and the default OAuth app (default true). */
  seed?: boolean;
}

/** A running emulator. */
export interface GitHubEmulator {
  /** Root URL: the web flow lives at `<url>/login/oauth/*`, REST at `<url>` and `<url>/api/v3`. */
  url: string;
  /** The in-memory state and test helpers. */
  store: EmulatorStore;
  /** Closes the server after background deliveries finish. */
  stop(): Promise<void>;
}

/**
 * Starts the local GitHub emulator (development and tests only).
 *
 * @example
 *   const github = await startGitHubEmulator();
 *   const octokit = new Octokit({ baseUrl: `${github.url}/api/v3`, auth: token });
 *   // …
 *   await github.stop();
 */
export async function startGitHubEmulator(
  options: GitHubEmulatorOptions = {},
): Promise<GitHubEmulator> {
  await sodiumReady;
  const store = new EmulatorStore(options.seed ?? true);
  const ctx: EmulatorContext = { store, publicUrl: options.publicUrl ?? '' };
  const app = await buildServer(ctx);
  const host = options.host ?? '127.0.0.1';
  await app.listen({ port: options.port ?? 0, host });
  const { port } = app.server.address() as AddressInfo;
  const hostPart = host.includes(':') ? `[${host}]` : host;
  ctx.publicUrl = (options.publicUrl ?? `http://${hostPart}:${port}`).replace(/\/$/, '');
  return {
    url: ctx.publicUrl,
    store,
    async stop() {
      await store.idle();
      await app.close();
    },
  };
}

export { sealForPublicKey } from './secrets/sealed-box';
export { DEFAULT_CLIENT, SEED_ORG } from './seed';
export type {
  AccessToken,
  AuthorizationCode,
  Delivery,
  Deployment,
  Dispatch,
  EmulatorOrg,
  EmulatorSettings,
  EmulatorState,
  EmulatorUser,
  Fault,
  HeldRequest,
  Hook,
  OAuthClient,
  Repo,
  RequestLogEntry,
  RunConclusion,
  RunStatus,
  StoredSecret,
  WorkflowJob,
  WorkflowRun,
} from './state';
export { EmulatorStore, type RepoSnapshot } from './store';
