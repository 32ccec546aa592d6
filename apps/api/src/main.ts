// The API process and its composition root: environment → database → migrations → job queue
// → the `Services` every feature shares → workers and HTTP server, and a graceful exit on
// SIGTERM/SIGINT (stop accepting, drain requests, stop jobs, close the database).
import { resolve } from 'node:path';
import { createDatabase, migrateToLatest, pgliteDataDir, waitForDatabase } from '@botsmith/db';
import { withLockfile } from '@botsmith/generators/lockfile';
import { createCipher } from './crypto/cipher';
import { loadOrCreateDevKeys } from './crypto/encryption-keys';
import { loadEnv } from './env';
import { resealGitHubTokens } from './github/github-token-store';
import { exitOnFatalErrors } from './http/fatal-errors';
import { createLogger } from './http/logger';
import { hasSpa } from './http/spa';
import { type JobQueue, startJobQueue } from './jobs/job-queue';
import { createServer } from './server';
import type { Services, StartWorker } from './services';
import { createSetupWorker } from './setup/setup-worker';
import { startWebhookWorker } from './webhooks/webhook-worker';

/** How long a drain may take before we give up on stragglers and exit anyway. */
const SHUTDOWN_TIMEOUT_MS = 10_000;

/** Every queue's worker; each feature contributes one. */
const WORKERS: StartWorker[] = [startWebhookWorker, createSetupWorker()];

const env = loadEnv();
const logger = createLogger(env.LOG_LEVEL);

exitOnFatalErrors(logger);

if (env.TRUST_PROXY === true) {
  logger.warn(
    'TRUST_PROXY=true believes every X-Forwarded-For hop, so clients can choose their own IP for rate limits and the audit log; set the number of proxies or their addresses instead',
  );
}

if (env.GITHUB.emulator) {
  logger.warn(
    { githubUrl: env.GITHUB.webUrl },
    'GitHub OAuth credentials are not set: signing in uses the local GitHub emulator (development only)',
  );
}

// Production refuses to start without ENCRYPTION_KEYS (env.ts); elsewhere a key is generated
// once into DATA_DIR so `pnpm dev` needs no setup.
let encryptionKeys = env.ENCRYPTION_KEYS;
if (!encryptionKeys) {
  const dev = loadOrCreateDevKeys(resolve(env.DATA_DIR));
  encryptionKeys = dev.keys;
  logger.warn(
    { keyFile: dev.path, created: dev.created },
    'ENCRYPTION_KEYS is not set: using a development key stored next to the data; never do this in production',
  );
}
const cipher = createCipher(encryptionKeys);

const dataDir = pgliteDataDir(resolve(env.DATA_DIR));
if (!env.DATABASE_URL) {
  logger.info({ dataDir }, 'DATABASE_URL is not set: using the embedded PGlite database');
}
const database = createDatabase(
  env.DATABASE_URL
    ? {
        url: env.DATABASE_URL,
        statementTimeoutMs: env.DATABASE_STATEMENT_TIMEOUT_MS,
        onConnectionError: (err) =>
          logger.warn({ err }, 'a database connection failed; the pool replaces it'),
      }
    : { dataDir },
);

try {
  if (env.DATABASE_URL) {
    // Started next to its database (compose, a failover), wait for it rather than exit.
    await waitForDatabase(database.db, {
      timeoutMs: env.DATABASE_WAIT_MS,
      onRetry: ({ attempt, error, delayMs }) =>
        logger.warn(
          {
            attempt,
            retryInMs: delayMs,
            reason: error instanceof Error ? error.message : String(error),
          },
          'waiting for the database',
        ),
    });
  }
  const applied = await migrateToLatest(database.db);
  logger.info({ migrations: applied.map((r) => r.migrationName) }, 'database is up to date');
  const resealed = await resealGitHubTokens(database.db, cipher);
  if (resealed > 0) logger.info({ resealed }, 're-encrypted GitHub tokens with the current key');
} catch (err) {
  logger.fatal({ err }, 'could not prepare the database');
  await database.close().catch(() => {});
  process.exit(1);
}

// Jobs run in this process, on the same database (SPEC §6): nothing else to deploy.
let queue: JobQueue;
try {
  queue = await startJobQueue(database.db, {
    onError: (err) => logger.error({ err }, 'job queue error'),
  });
} catch (err) {
  logger.fatal({ err }, 'could not start the job queue');
  await database.close().catch(() => {});
  process.exit(1);
}

const services = {
  db: database.db,
  cipher,
  github: env.GITHUB,
  queue,
  log: logger,
  publicUrl: new URL(env.PUBLIC_URL).origin,
  addLockfile: (files) => withLockfile(files, env.LOCKFILES),
} satisfies Services;

try {
  for (const start of WORKERS) await start(services);
} catch (err) {
  logger.fatal({ err }, 'could not start the job workers');
  await queue.stop().catch(() => {});
  await database.close().catch(() => {});
  process.exit(1);
}

const server = createServer(services, {
  host: env.HOST,
  port: env.PORT,
  nodeEnv: env.NODE_ENV,
  webDistDir: env.WEB_DIST_DIR,
  corsOrigins: env.CORS_ORIGINS,
  rateLimits: env.RATE_LIMITS,
  trustProxy: env.TRUST_PROXY,
});

let stopping = false;
async function shutdown(signal: NodeJS.Signals): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down');
  const force = setTimeout(() => {
    logger.error({ timeoutMs: SHUTDOWN_TIMEOUT_MS }, 'shutdown timed out; exiting');
    process.exit(1);
  }, SHUTDOWN_TIMEOUT_MS);
  force.unref();
  try {
    await server.stop();
    // Running jobs finish their current step; unfinished ones resume on the next start.
    await queue.stop();
    await database.close();
    logger.info('stopped');
    process.exit(0);
  } catch (err) {
    logger.error({ err }, 'shutdown failed');
    process.exit(1);
  }
}
process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);

if (!hasSpa(env.WEB_DIST_DIR)) {
  logger.info({ webDistDir: env.WEB_DIST_DIR }, 'no built SPA found: serving the API only');
}
try {
  await server.start();
} catch (err) {
  logger.fatal({ err }, 'could not start the server');
  await database.close().catch(() => {});
  process.exit(1);
}
