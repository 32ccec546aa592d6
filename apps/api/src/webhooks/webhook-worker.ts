import { finishDelivery, startDeliveryAttempt } from '@botsmith/db';
import { z } from 'zod';
import { QUEUES, sendToDeadLetters } from '../jobs/job-queue';
import type { StartWorker } from '../services';
import { MalformedPayloadError } from './map-event';
import { processDelivery } from './process-delivery';
import type { WebhookJob } from './webhook-route';

const MAX_ERROR_LENGTH = 500;

const jobSchema = z.object({ deliveryId: z.uuid() }) satisfies z.ZodType<WebhookJob>;

/**
 * Processes stored deliveries. pg-boss retries a failed job with exponential backoff and,
 * after the last attempt, moves it to the dead letters; the delivery row mirrors that
 * (`attempts`, `failed` with the error, then `dead`) for the dashboard and for redelivery.
 * A malformed payload is permanent: it goes to the dead letters at once, unretried.
 */
export const startWebhookWorker: StartWorker = async (deps) => {
  await deps.queue.boss.work(
    QUEUES.webhook,
    { pollingIntervalSeconds: deps.queue.pollingIntervalSeconds, includeMetadata: true },
    async ([job]) => {
      if (!job) return;
      const parsed = jobSchema.safeParse(job.data);
      if (!parsed.success) {
        deps.log.error({ jobId: job.id }, 'malformed webhook job dropped');
        return;
      }
      const { deliveryId } = parsed.data;
      const log = deps.log.child({ job: job.id, delivery: deliveryId });
      try {
        await startDeliveryAttempt(deps.db, deliveryId);
      } catch {
        return; // the delivery (and its project) no longer exists
      }
      try {
        await processDelivery({ ...deps, log }, deliveryId);
      } catch (error) {
        const permanent = error instanceof MalformedPayloadError;
        const last = permanent || job.retryCount >= job.retryLimit;
        const message = error instanceof Error ? error.message : String(error);
        await finishDelivery(deps.db, deliveryId, {
          status: last ? 'dead' : 'failed',
          error: message.slice(0, MAX_ERROR_LENGTH),
        });
        log.warn(
          { err: error, retryCount: job.retryCount, last, permanent },
          'webhook processing failed',
        );
        if (!permanent) throw error; // transient (database, GitHub): pg-boss retries
        // The job itself ends here; returning (not throwing) keeps pg-boss from retrying it.
        await sendToDeadLetters(deps.queue, QUEUES.webhook, parsed.data);
      }
    },
  );
};
