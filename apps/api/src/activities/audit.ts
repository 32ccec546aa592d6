import { type Db, insertActivity } from '@botsmith/db';
import type { ActivityAction } from '@botsmith/shared';
import { NO_REQUEST_META, type RequestMeta } from './request-meta';

/** Extra facts about an audit entry: which project, and the transaction to write it in. */
export interface AuditOptions {
  projectId?: string | null;
  /** Writes the entry in the caller's transaction, so it commits with the change it records. */
  db?: Db;
}

/** Records one audit-log entry for the actor it was made for. */
export type Audit = (
  action: ActivityAction,
  metadata?: Record<string, unknown>,
  options?: AuditOptions,
) => Promise<void>;

/**
 * The audit log as one actor writes it: procedures get it as `ctx.audit` (with the request's
 * IP and user agent), jobs make one for the user they act for.
 *
 * @example
 * const audit = auditFor(db, { userId: run.userId });
 * await audit('setup.succeeded', { runId: run.id }, { projectId: run.projectId });
 */
export function auditFor(db: Db, actor: { userId: string; meta?: RequestMeta }): Audit {
  const meta = actor.meta ?? NO_REQUEST_META;
  return (action, metadata, options = {}) =>
    insertActivity(options.db ?? db, {
      userId: actor.userId,
      projectId: options.projectId ?? null,
      action,
      ...meta,
      ...(metadata ? { metadata } : {}),
    });
}
