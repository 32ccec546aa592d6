import type { Deployment, DeploymentFacts, DeploymentUpdate } from '@botsmith/db';
import type { DeploymentStatus } from '@botsmith/shared';

// Webhook deliveries arrive in any order and may repeat (GitHub sends them in parallel and
// redelivers on request), so a late `in_progress` must never overwrite a `success`.
const RANK: Record<DeploymentStatus, number> = {
  queued: 0,
  in_progress: 1,
  success: 2,
  failure: 2,
  cancelled: 2,
};

/** Whether `status` is final: a run that finished does not start again (except re-runs). */
export function isFinished(status: DeploymentStatus): boolean {
  return RANK[status] === 2;
}

/**
 * The state-transition rule: what to write for `incoming` facts given the stored row.
 *
 * - Nothing stored: write everything.
 * - The incoming status is further along (queued → in_progress → finished): take it and
 *   every fact the event carries.
 * - A re-run (GitHub reuses the run id, with a later `run_started_at`): start over from it.
 * - Otherwise (a late or repeated event) keep the status, only filling facts still unknown.
 *   Between two different finished states the first one recorded wins.
 *
 * Returns `null` when nothing would change.
 */
export function mergeDeployment(
  current: Deployment | undefined,
  incoming: DeploymentFacts,
): DeploymentUpdate | null {
  const facts = definedFacts(incoming);
  if (!current) return facts;
  const rerun =
    incoming.startedAt != null &&
    current.startedAt != null &&
    incoming.startedAt.getTime() > current.startedAt.getTime();
  if (rerun) return { ...facts, completedAt: incoming.completedAt ?? null, failingJob: null };
  const advances = RANK[incoming.status] > RANK[current.status];
  const change: DeploymentUpdate = {};
  for (const [key, value] of Object.entries(facts) as [keyof DeploymentFacts, unknown][]) {
    if (key === 'status') continue;
    const stored = current[key];
    if (advances ? !sameValue(stored, value) : stored == null) {
      (change as Record<string, unknown>)[key] = value;
    }
  }
  if (advances) change.status = incoming.status;
  return Object.keys(change).length > 0 ? change : null;
}

/** The facts the event actually carries (`null`/`undefined` say "unknown", not "erase"). */
function definedFacts(incoming: DeploymentFacts): DeploymentUpdate & { status: DeploymentStatus } {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(incoming)) if (value != null) out[key] = value;
  return out as DeploymentUpdate & { status: DeploymentStatus };
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return a === b;
}
