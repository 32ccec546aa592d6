import type { SetupRun } from '@botsmith/db';

/** The plan a run records: which optional steps run and what the steps need to know. */
export interface RunPlan {
  branchProtection: boolean;
  secretNames: string[];
  requiredChecks: string[];
  firstRun: boolean;
}

/** The plan stored on a run, read defensively (older rows may lack fields). */
export function runPlanOf(run: Pick<SetupRun, 'plan'>): RunPlan {
  const plan = run.plan as Partial<RunPlan>;
  return {
    branchProtection: plan.branchProtection === true,
    secretNames: Array.isArray(plan.secretNames) ? plan.secretNames.map(String) : [],
    requiredChecks: Array.isArray(plan.requiredChecks) ? plan.requiredChecks.map(String) : [],
    firstRun: plan.firstRun !== false,
  };
}
