import { describeEachDatabase } from '@botsmith/db/testing';
import { scaledTimeout } from '@botsmith/test-kit';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type JobQueue, QUEUES, startJobQueue } from './job-queue';

describeEachDatabase('job queue', (t) => {
  let queue: JobQueue;
  beforeAll(async () => {
    queue = await startJobQueue(t.db);
  }, scaledTimeout(60_000));
  afterAll(() => queue.stop());

  test(
    'a failing job is retried, then completes',
    async () => {
      const attempts: unknown[] = [];
      await queue.boss.work(QUEUES.webhook, { pollingIntervalSeconds: 0.5 }, async ([job]) => {
        attempts.push(job?.data);
        if (attempts.length === 1) throw new Error('transient');
      });
      const id = await queue.boss.send(QUEUES.webhook, { delivery: 'd-1' }, { retryDelay: 1 });
      await expect
        .poll(() => attempts.length, { timeout: scaledTimeout(20_000), interval: 250 })
        .toBe(2);
      expect(attempts).toEqual([{ delivery: 'd-1' }, { delivery: 'd-1' }]);
      await expect
        .poll(async () => (await queue.boss.getJobById(QUEUES.webhook, id ?? ''))?.state, {
          timeout: scaledTimeout(10_000),
        })
        .toBe('completed');
    },
    scaledTimeout(30_000),
  );

  test(
    'a job that keeps failing ends in its dead-letter queue',
    async () => {
      await queue.boss.work(QUEUES.setup, { pollingIntervalSeconds: 0.5 }, async () => {
        throw new Error('always');
      });
      await queue.boss.send(QUEUES.setup, { run: 'r-1' }, { retryLimit: 1, retryDelay: 1 });
      await expect
        .poll(async () => (await queue.boss.fetch(`${QUEUES.setup}.dead`))?.[0]?.data, {
          timeout: scaledTimeout(20_000),
          interval: 250,
        })
        .toEqual({ run: 'r-1' });
    },
    scaledTimeout(30_000),
  );
});
