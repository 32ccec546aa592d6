import type { SetupRun } from '@botsmith/db';
import { z } from 'zod';

/** A plain ledger value to set as a `production` environment variable. */
const plannedVariableSchema = z.object({ name: z.string(), value: z.string() });
export type PlannedVariable = z.infer<typeof plannedVariableSchema>;

/**
 * The plan a run records: which optional steps run and what the steps need to know. Stored
 * rows are read defensively: a field an older row lacks (or holds in another shape) takes
 * the value that row's setup had meant.
 */
const runPlanSchema = z.object({
  branchProtection: z.boolean().catch(false),
  /** The ledger's secret names: the browser seals a value for each it has one for. */
  secretNames: z.array(z.string()).catch([]),
  /**
   * The plain values typed in step 7. A list of pairs, not a record: stored JSON keys are
   * rewritten to camelCase by the database layer, which would mangle `RENDER_SERVICE_ID`.
   */
  variables: z.array(plannedVariableSchema).catch([]),
  /** The team is large enough that deploys to `production` need a reviewer's approval. */
  requiredReviewers: z.boolean().catch(false),
  requiredChecks: z.array(z.string()).catch([]),
  firstRun: z.boolean().catch(true),
});
export type RunPlan = z.infer<typeof runPlanSchema>;

/** The plan stored on a run. */
export function runPlanOf(run: Pick<SetupRun, 'plan'>): RunPlan {
  const stored = typeof run.plan === 'object' && run.plan !== null ? run.plan : {};
  return runPlanSchema.parse(stored);
}
