import { z } from 'zod';
import { buildConfigDraftSchema } from './build-config';
import { projectNameSchema } from './project-name';

// The dashboard contract (SPEC §2 J4, §6): projects, deployments, activity and stats.

/** A project's lifecycle; the `projects` table's check constraint lists the same. */
export const PROJECT_STATUSES = [
  /** Saved from the wizard, not set up on GitHub yet. */
  'draft',
  /** Auto-setup is running. */
  'setting_up',
  /** Auto-setup is done: the repository exists. */
  'active',
] as const;
/** A project's lifecycle: `draft`, `setting_up` while auto-setup runs, `active` once it is done. */
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

/** The statuses of a deployment; the `deployments` table's check constraint lists the same. */
export const DEPLOYMENT_STATUS_VALUES = [
  'queued',
  'in_progress',
  'success',
  'failure',
  'cancelled',
] as const;
/** Where a deployment stands. */
export type DeploymentStatus = (typeof DEPLOYMENT_STATUS_VALUES)[number];

/** Where a deployment was reported from: an Actions workflow run or a GitHub deployment. */
export const DEPLOYMENT_SOURCES = ['workflow_run', 'deployment'] as const;
/** Where a deployment was reported from. */
export type DeploymentSource = (typeof DEPLOYMENT_SOURCES)[number];

/**
 * What became of a GitHub webhook delivery (deployments are kept current from them); the
 * `webhook_deliveries` table's check constraint lists the same.
 */
export const WEBHOOK_DELIVERY_STATUSES = [
  'received',
  'processed',
  /** An event we do not act on: acknowledged and kept for the record. */
  'ignored',
  'failed',
  'dead',
] as const;
/** What became of a GitHub webhook delivery. */
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

export const pageInputSchema = z.object({
  limit: z.number().int().min(1).max(100).default(20),
  /** The `nextCursor` of the previous page. */
  cursor: z.string().max(200).nullish(),
});

export const listDeploymentsInputSchema = pageInputSchema.extend({
  projectId: z.uuid().optional(),
  status: z.enum(DEPLOYMENT_STATUS_VALUES).optional(),
});
export type ListDeploymentsInput = z.input<typeof listDeploymentsInputSchema>;

export const deploymentStatsInputSchema = z.object({ projectId: z.uuid().optional() });

/** Aggregates over a project's (or all the user's) deployments; durations in milliseconds. */
export interface DeploymentStats {
  total: number;
  succeeded: number;
  failed: number;
  /** succeeded / (succeeded + failed), or `null` with nothing finished. */
  successRate: number | null;
  medianDurationMs: number | null;
  /** Mean time from a failure to the next success. */
  mttrMs: number | null;
  /** Median time from commit to its successful deployment. */
  leadTimeMs: number | null;
  /** The last 30 days, oldest first, one entry per UTC day (`YYYY-MM-DD`). */
  series: { day: string; success: number; failure: number; other: number }[];
}

export const redeployInputSchema = z.object({ deploymentId: z.uuid() });

export const projectIdSchema = z.object({ projectId: z.uuid() });

export const renameProjectInputSchema = z.object({ projectId: z.uuid(), name: projectNameSchema });

export const saveDraftInputSchema = z.object({
  /** Update this draft; a new draft is created without it. */
  projectId: z.uuid().optional(),
  name: projectNameSchema,
  /**
   * Field by field as the wizard validates it; the checks across fields wait until setup
   * starts, so a draft may be unfinished.
   */
  config: buildConfigDraftSchema,
});
