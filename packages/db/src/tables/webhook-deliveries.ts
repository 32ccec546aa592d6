import type { WebhookDeliveryStatus } from '@botsmith/shared';
import type { ColumnType, Generated, Insertable, JSONColumnType, Selectable } from 'kysely';

/** A GitHub webhook delivery, stored before we answer; unique per (hook id, delivery id). */
export interface WebhookDeliveriesTable {
  id: Generated<string>;
  hookId: string;
  deliveryId: string;
  projectId: string | null;
  event: string;
  action: string | null;
  payload: JSONColumnType<Record<string, unknown>, string, never>;
  status: ColumnType<
    WebhookDeliveryStatus,
    WebhookDeliveryStatus | undefined,
    WebhookDeliveryStatus
  >;
  attempts: ColumnType<number, number | undefined, number>;
  error: string | null;
  receivedAt: ColumnType<Date, Date | undefined, never>;
  processedAt: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export type WebhookDelivery = Selectable<WebhookDeliveriesTable>;
export type NewWebhookDelivery = Insertable<WebhookDeliveriesTable>;
