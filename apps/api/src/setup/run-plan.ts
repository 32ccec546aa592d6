import type { SetupRun } from '@botsmith/db';

/** A plain ledger value to set as a `production` environment variable. */
export interface PlannedVariable {
  name: string;
  value: string;
}

/** The plan a run records: which optional steps run and what the steps need to know. */
export interface RunPlan {
  branchProtection: boolean;
  /** The ledger's secret names: the browser seals a value for each it has one for. */
  secretNames: string[];
  /**
   * The plain values typed in step 7. A list of pairs, not a record: stored JSON keys are
   * rewritten to camelCase by the database layer, which would mangle `RENDER_SERVICE_ID`.
   */
  variables: PlannedVariable[];
  /** The team is large enough that deploys to `production` need a reviewer's approval. */
  requiredReviewers: boolean;
  requiredChecks: string[];
  firstRun: boolean;
}

/** The plan stored on a run, read defensively (older rows may lack fields). */
export function runPlanOf(run: Pick<SetupRun, 'plan'>): RunPlan {
  const plan = run.plan as Partial<RunPlan>;
  return {
    branchProtection: plan.branchProtection === true,
    secretNames: Array.isArray(plan.secretNames) ? plan.secretNames.map(String) : [],
    variables: Array.isArray(plan.variables)
      ? plan.variables.flatMap((v) =>
          typeof v?.name === 'string' && typeof v.value === 'string'
            ? [{ name: v.name, value: v.value }]
            : [],
        )
      : [],
    requiredReviewers: plan.requiredReviewers === true,
    requiredChecks: Array.isArray(plan.requiredChecks) ? plan.requiredChecks.map(String) : [],
    firstRun: plan.firstRun !== false,
  };
}
