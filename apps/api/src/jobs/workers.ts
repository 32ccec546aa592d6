import type { Db } from '@botsmith/db';
import type { FastifyBaseLogger } from 'fastify';
import type { Cipher } from '../crypto/cipher';
import type { GitHubConfig } from '../github/github-config';
import { createSetupWorker } from '../setup/setup-worker';
import { startWebhookWorker } from '../webhooks/webhook-worker';
import type { JobQueue } from './job-queue';

/** What job handlers need: the same dependencies the HTTP server has. */
export interface WorkerDeps {
  db: Db;
  queue: JobQueue;
  cipher: Cipher;
  github: GitHubConfig;
  /** The origin GitHub reaches us at: webhooks are created pointing at `${publicUrl}/webhooks/github`. */
  publicUrl: string;
  log: FastifyBaseLogger;
}

/** Starts one queue's worker. Each feature (setup, webhooks) contributes one. */
export type StartWorker = (deps: WorkerDeps) => Promise<void>;

const WORKERS: StartWorker[] = [startWebhookWorker, createSetupWorker()];

/** Starts every worker on the queue; `queue.stop()` stops them. */
export async function startWorkers(deps: WorkerDeps): Promise<void> {
  for (const start of WORKERS) await start(deps);
}
