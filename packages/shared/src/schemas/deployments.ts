import { z } from 'zod';
import { buildConfigDraftSchema } from './build-config';
import { projectNameSchema } from './project-name';

// The dashboard contract (SPEC §2 J4, §6): projects, deployments, activity and stats.

export const DEPLOYMENT_STATUS_VALUES = [
  'queued',
  'in_progress',
  'success',
  'failure',
  'cancelled',
] as const;

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
