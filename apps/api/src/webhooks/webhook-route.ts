import { findWebhookCandidates, type Project, recordDelivery } from '@botsmith/db';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { errorBody } from '../errors';
import { QUEUES, sendJob } from '../jobs/job-queue';
import type { Services } from '../services';
import { decodePayload, PayloadDecodeError } from './decode-payload';
import { verifySignature } from './verify-signature';
import { openWebhookSecret } from './webhook-secret';

/** GitHub caps webhook payloads at 25 MB; the rest of the API keeps its 1 MB limit. */
export const WEBHOOK_BODY_LIMIT_BYTES = 25 * 1024 * 1024;

export const WEBHOOK_PATH = '/webhooks/github';

/** The data a webhook job carries: the stored delivery's id, never the payload itself. */
export interface WebhookJob {
  deliveryId: string;
}

const headersSchema = z.object({
  'x-github-event': z.string().regex(/^[a-z_]{1,64}$/),
  'x-github-delivery': z.string().min(1).max(100),
  // GitHub's ids fit easily; more digits than a double holds exactly is not a hook of ours.
  'x-github-hook-id': z.string().regex(/^[1-9][0-9]{0,14}$/),
});

/** The repository a repository hook's delivery is about (GitHub sends it on every one). */
const targetSchema = z.object({
  'x-github-hook-installation-target-type': z.literal('repository'),
  'x-github-hook-installation-target-id': z.string().regex(/^[1-9][0-9]{0,14}$/),
});

export type WebhookRouteDeps = Pick<Services, 'db' | 'cipher' | 'queue'>;

/**
 * `POST /webhooks/github` (SPEC §6): verify, store, enqueue, answer 202 — no GitHub calls
 * and no processing here, so we answer well inside GitHub's 10 s. GitHub does not retry a
 * failed delivery by itself, so the delivery is stored before we say 2xx.
 */
export function registerWebhookRoute(app: FastifyInstance, deps: WebhookRouteDeps): void {
  // An encapsulated scope: the raw-bytes parser and the 25 MB limit apply to this route only.
  app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => {
      done(null, body);
    });
    scope.post(WEBHOOK_PATH, { bodyLimit: WEBHOOK_BODY_LIMIT_BYTES }, async (request, reply) => {
      const headers = headersSchema.safeParse(request.headers);
      if (!headers.success) {
        return reply
          .code(400)
          .send(errorBody('BAD_REQUEST', 'Missing or invalid X-GitHub-* delivery headers.'));
      }
      const event = headers.data['x-github-event'];
      const deliveryId = headers.data['x-github-delivery'];
      const hookId = headers.data['x-github-hook-id'];
      const body: Buffer = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      // Verify first, parse after: the headers pick the secrets to try, so an unknown hook's
      // body (up to 25 MB, from anyone) is never decoded before a signature checks out.
      const target = targetSchema.safeParse(request.headers);
      const repoId = target.success
        ? Number(target.data['x-github-hook-installation-target-id'])
        : null;
      const { candidates } = await findWebhookCandidates(deps.db, Number(hookId), repoId);
      const signature = request.headers['x-hub-signature-256'];
      const project = candidates.find((candidate) => signedBy(candidate, body, signature));
      if (!project) {
        // One answer for "unknown hook" and "bad signature": it tells a prober nothing.
        request.log.warn({ event, hookId, deliveryId }, 'refused an unverified webhook delivery');
        return unauthorized(reply);
      }

      let data: Record<string, unknown>;
      try {
        data = decodePayload(body, request.headers['content-type']);
      } catch (error) {
        if (!(error instanceof PayloadDecodeError)) throw error;
        return reply.code(400).send(errorBody(error.code, `Unreadable payload: ${error.message}.`));
      }
      // The delivery and its job commit together: we answer 202 only once both are durable,
      // and a database failure in between leaves neither (GitHub then shows a failed
      // delivery that can be redelivered), never a stored delivery nobody will process.
      const { queue } = deps;
      const { inserted } = await deps.db.transaction().execute(async (trx) => {
        const recorded = await recordDelivery(trx, {
          hookId,
          deliveryId,
          projectId: project.id,
          event,
          action: typeof data.action === 'string' ? data.action.slice(0, 100) : null,
          payload: data,
        });
        const { delivery } = recorded;
        // A redelivery of one that went to the dead letters (or is still waiting) gets
        // another chance; one already handled stays a no-op.
        if (recorded.inserted || delivery.status === 'received' || delivery.status === 'dead') {
          if (queue) {
            const job: WebhookJob = { deliveryId: delivery.id };
            await sendJob(queue, QUEUES.webhook, job, { trx });
          } else {
            request.log.warn({ deliveryId }, 'no job queue: the delivery is stored, not processed');
          }
        }
        return recorded;
      });
      request.log.info(
        { event, hookId, deliveryId, projectId: project.id, duplicate: !inserted },
        'webhook delivery accepted',
      );
      return reply.code(202).send({ received: true, duplicate: !inserted });
    });

    function signedBy(project: Project, body: Buffer, signature: unknown): boolean {
      let secret: string | null;
      try {
        secret = openWebhookSecret(deps.cipher, project);
      } catch (err) {
        app.log.error({ err, projectId: project.id }, 'cannot open a project webhook secret');
        return false;
      }
      return secret !== null && verifySignature(secret, body, signature as string | undefined);
    }
  });
}

function unauthorized(reply: FastifyReply) {
  return reply
    .code(401)
    .send(errorBody('UNAUTHORIZED', 'Unknown webhook or invalid X-Hub-Signature-256.'));
}
