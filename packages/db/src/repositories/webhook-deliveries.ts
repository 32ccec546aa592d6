import type { WebhookDeliveryStatus } from '@botsmith/shared';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../database';
import type { Project } from '../tables/projects';
import type { WebhookDelivery } from '../tables/webhook-deliveries';

/** A verified delivery to store before answering GitHub. */
export interface DeliveryInput {
  hookId: string;
  deliveryId: string;
  projectId: string;
  event: string;
  action: string | null;
  payload: Record<string, unknown>;
}

/**
 * Stores a delivery unless (hook id, delivery id) is already stored: a redelivery is a no-op.
 * Returns the row and whether this call inserted it.
 *
 * @example const { delivery, inserted } = await recordDelivery(db, input);
 */
export async function recordDelivery(
  db: Kysely<Database>,
  input: DeliveryInput,
): Promise<{ delivery: Pick<WebhookDelivery, 'id' | 'status'>; inserted: boolean }> {
  const inserted = await db
    .insertInto('webhookDeliveries')
    .values({ ...input, payload: JSON.stringify(input.payload) })
    .onConflict((oc) => oc.columns(['hookId', 'deliveryId']).doNothing())
    .returning(['id', 'status'])
    .executeTakeFirst();
  if (inserted) return { delivery: inserted, inserted: true };
  const existing = await db
    .selectFrom('webhookDeliveries')
    .select(['id', 'status'])
    .where('hookId', '=', input.hookId)
    .where('deliveryId', '=', input.deliveryId)
    .executeTakeFirstOrThrow();
  return { delivery: existing, inserted: false };
}

/** A stored delivery by its row id (the job queue passes ids, never payloads). */
export async function findDelivery(
  db: Kysely<Database>,
  id: string,
): Promise<WebhookDelivery | undefined> {
  const row = await db
    .selectFrom('webhookDeliveries')
    .selectAll()
    // As text: the CamelCasePlugin would rename GitHub's snake_case keys in a parsed payload.
    .select(sql<string>`payload::text`.as('payloadText'))
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const { payloadText, ...delivery } = row;
  return { ...delivery, payload: JSON.parse(payloadText) as Record<string, unknown> };
}

/** Counts one processing attempt and returns the new count. */
export async function startDeliveryAttempt(db: Kysely<Database>, id: string): Promise<number> {
  const row = await db
    .updateTable('webhookDeliveries')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('id', '=', id)
    .returning('attempts')
    .executeTakeFirstOrThrow();
  return row.attempts;
}

/** Records how processing ended: done (`processed`, `ignored`) or not (`failed`, `dead`). */
export async function finishDelivery(
  db: Kysely<Database>,
  id: string,
  outcome: { status: WebhookDeliveryStatus; error?: string | null },
): Promise<void> {
  const done = outcome.status === 'processed' || outcome.status === 'ignored';
  await db
    .updateTable('webhookDeliveries')
    .set({
      status: outcome.status,
      error: outcome.error ?? null,
      processedAt: done ? new Date() : null,
    })
    .where('id', '=', id)
    .execute();
}

/**
 * A stored delivery with the project it was verified against — for the processing job, not
 * owner-scoped: the delivery's signature already tied it to this project.
 */
export async function findDeliveryWithProject(
  db: Kysely<Database>,
  id: string,
): Promise<{ delivery: WebhookDelivery; project: Project } | undefined> {
  const delivery = await findDelivery(db, id);
  if (!delivery?.projectId) return undefined;
  const project = await db
    .selectFrom('projects')
    .selectAll()
    .where('id', '=', delivery.projectId)
    .executeTakeFirst();
  return project ? { delivery, project } : undefined;
}
