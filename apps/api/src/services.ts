import type { Db } from '@botsmith/db';
import type { GeneratedFile } from '@botsmith/generators';
import type { FastifyBaseLogger } from 'fastify';
import type { Cipher } from './crypto/cipher';
import type { GitHubConfig } from './github/github-config';
import type { JobQueue } from './jobs/job-queue';

/**
 * The API process's long-lived dependencies, built once in `main.ts` (the composition root)
 * and handed down: `createServer` and the job workers take the whole object, features take
 * the part they use as `Pick<Services, …>`, so a test builds only what a feature needs.
 */
export interface Services {
  db: Db;
  /** Seals secrets at rest (GitHub tokens, webhook secrets). */
  cipher: Cipher;
  github: GitHubConfig;
  /** Durable jobs; `null` where a process runs none (some tests), so enqueueing must check. */
  queue: JobQueue | null;
  /** The process logger (pino); requests and jobs log through children of it. */
  log: FastifyBaseLogger;
  /** The origin users and GitHub's webhooks reach us at, e.g. `https://botsmith.example.com`. */
  publicUrl: string;
  /**
   * Adds the resolved lockfile to a generated project (`withLockfile` with the configured
   * registry, time bound and cache): every project Botsmith hands out installs with `npm ci`.
   *
   * @throws {LockfileError} when the registry cannot be reached or resolution fails in time.
   */
  addLockfile(files: readonly GeneratedFile[]): Promise<GeneratedFile[]>;
}

/** What a job worker gets: the services, with a queue that is there. */
export type WorkerServices = Services & { queue: JobQueue };

/** Starts one queue's worker; each feature (setup, webhooks) contributes one to `main.ts`. */
export type StartWorker = (services: WorkerServices) => Promise<void>;
