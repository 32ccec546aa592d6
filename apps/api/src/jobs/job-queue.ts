import type { Db } from '@botsmith/db';
import { fromKysely, PgBoss } from 'pg-boss';

/** The queues Botsmith runs; each has its own dead-letter queue (`<name>.dead`). */
export const QUEUES = {
  setup: 'setup.run',
  webhook: 'webhook.process',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/** The dead-letter queue of `name`: where its jobs end once retrying is over. */
export function deadLetterQueue(name: QueueName): `${QueueName}.dead` {
  return `${name}.dead`;
}

/**
 * Puts a job's data straight into its queue's dead letters, as pg-boss does after the last
 * retry — for failures no retry can fix, so the dead letters stay the one place to look.
 */
export async function sendToDeadLetters(
  queue: JobQueue,
  name: QueueName,
  data: object,
): Promise<void> {
  await queue.boss.send(deadLetterQueue(name), data);
}

/** How often and how patiently a queue's jobs are retried before they go to the dead letters. */
export interface RetryPolicy {
  retryLimit: number;
  /** First delay in seconds; pg-boss doubles it per attempt (exponential backoff). */
  retryDelay: number;
  /** Longest a job may run before pg-boss counts it as failed. */
  expireInSeconds: number;
  /**
   * A job whose worker stops sending heartbeats this long is failed (and retried) without
   * waiting for `expireInSeconds`: a job left `active` because its completion or failure
   * could not be written (the connection died right then) comes back in seconds.
   */
  heartbeatSeconds?: number;
}

export const RETRY_POLICIES: Record<QueueName, RetryPolicy> = {
  // Setup runs hold a lease of their own; the sweep resumes a run whose worker stopped.
  [QUEUES.setup]: { retryLimit: 5, retryDelay: 2, expireInSeconds: 15 * 60 },
  [QUEUES.webhook]: { retryLimit: 5, retryDelay: 2, expireInSeconds: 5 * 60, heartbeatSeconds: 10 },
};

/** How often pg-boss fails expired and silent jobs; its default is a minute. */
const MONITOR_INTERVAL_SECONDS = 10;

export interface JobQueueOptions {
  /** How often idle workers look for new jobs; pg-boss allows 0.5 s at the least. */
  pollingIntervalSeconds?: number;
  /** Called for errors pg-boss reports outside any job (maintenance, polling). */
  onError?: (error: Error) => void;
}

/**
 * Durable jobs on the app's own database (SPEC §6) through pg-boss. pg-boss talks to the
 * database through Kysely (its `fromKysely` adapter), so the same queue runs on PostgreSQL and
 * on the embedded PGlite, where every query must pass the driver's single-connection lock.
 *
 * @example
 * const queue = await startJobQueue(db);
 * await queue.boss.work(QUEUES.webhook, async ([job]) => handle(job.data));
 * await queue.boss.send(QUEUES.webhook, { deliveryId }, { singletonKey: deliveryId });
 */
export async function startJobQueue(db: Db, options: JobQueueOptions = {}): Promise<JobQueue> {
  const boss = new PgBoss({
    db: fromKysely(db),
    schema: 'pgboss',
    // Sending and working happen in this process; supervising and scheduling also do, but
    // Botsmith schedules nothing, so cron stays off.
    schedule: false,
    supervise: true,
    superviseIntervalSeconds: MONITOR_INTERVAL_SECONDS,
    monitorIntervalSeconds: MONITOR_INTERVAL_SECONDS,
    migrate: true,
  });
  boss.on('error', (error: Error) => options.onError?.(error));
  await boss.start();
  for (const [name, policy] of Object.entries(RETRY_POLICIES) as [QueueName, RetryPolicy][]) {
    const deadLetter = deadLetterQueue(name);
    await boss.createQueue(deadLetter);
    await boss.createQueue(name, {
      retryLimit: policy.retryLimit,
      retryDelay: policy.retryDelay,
      retryBackoff: true,
      expireInSeconds: policy.expireInSeconds,
      ...(policy.heartbeatSeconds ? { heartbeatSeconds: policy.heartbeatSeconds } : {}),
      deadLetter,
    });
  }
  return {
    boss,
    pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1,
    async stop() {
      // `graceful` lets running jobs finish; stop resolves once they have (or after 10 s).
      await boss.stop({ graceful: true, timeout: 10_000 });
    },
  };
}

/**
 * Queues a job. Given `trx`, the job is inserted in that transaction: it exists exactly when
 * the rows it works on were committed, so a crash or a lost connection between "stored" and
 * "queued" cannot strand them.
 *
 * @example await db.transaction().execute(async (trx) => { await save(trx); await sendJob(queue, QUEUES.webhook, job, { trx }); });
 */
export async function sendJob(
  queue: JobQueue,
  name: QueueName,
  data: object,
  options: { trx?: Db } = {},
): Promise<void> {
  await queue.boss.send(name, data, options.trx ? { db: fromKysely(options.trx) } : {});
}

export interface JobQueue {
  boss: PgBoss;
  /** Pass to `boss.work` so every worker polls at the configured pace. */
  pollingIntervalSeconds: number;
  stop(): Promise<void>;
}
