import type { SetupRun } from '@botsmith/db';
import type { RunPlan } from './step-types';

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
