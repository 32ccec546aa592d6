import type { DeploymentFacts, DeploymentKey } from '@botsmith/db';
import type { DeploymentStatus } from '@botsmith/shared';
import { z } from 'zod';
import { storableText } from '../webhooks/storable-json';

const date = z.iso.datetime({ offset: true }).nullish();
const text = z.string().nullish();

/**
 * The fields of a GitHub workflow run we use. A `workflow_run` delivery and the REST API's
 * run listings carry the same object, so both are read with this one schema.
 */
export const workflowRunSchema = z.object({
  id: z.number().int(),
  name: text,
  head_sha: text,
  head_branch: text,
  html_url: text,
  status: text,
  conclusion: text,
  run_started_at: date,
  updated_at: date,
  head_commit: z.object({ message: text, timestamp: date }).nullish(),
});
export type WorkflowRun = z.infer<typeof workflowRunSchema>;

/** Where a run is: a `workflow_run` delivery's action, or a run read when it has completed. */
export type WorkflowRunAction = 'requested' | 'in_progress' | 'completed';

/** A workflow run as a deployment: its key, its facts, whether to ask for the failing job. */
export interface WorkflowRunDeployment {
  key: Omit<DeploymentKey, 'projectId'>;
  facts: DeploymentFacts;
  /** A failed run: the caller asks GitHub which job failed. */
  failedRunId: number | null;
}

/**
 * GitHub's conclusions, folded into our statuses. `neutral` passed; a timeout or a runner
 * that never started failed; anything that stopped without a verdict counts as cancelled.
 */
export function runStatus(action: string, conclusion: string | null | undefined): DeploymentStatus {
  if (action === 'requested') return 'queued';
  if (action === 'in_progress') return 'in_progress';
  switch (conclusion) {
    case 'success':
    case 'neutral':
      return 'success';
    case 'failure':
    case 'timed_out':
    case 'startup_failure':
      return 'failure';
    default:
      return 'cancelled';
  }
}

const toDate = (value: string | null | undefined) => (value ? new Date(value) : null);

/**
 * Maps a workflow run to the deployment row it is recorded as — the one mapping for a
 * `workflow_run` delivery and for the runs setup follows itself, so both paths write one row
 * per run with the same facts.
 *
 * @example deploymentFromWorkflowRun(run, 'completed').facts.status // 'success'
 */
export function deploymentFromWorkflowRun(
  run: WorkflowRun,
  action: WorkflowRunAction,
): WorkflowRunDeployment {
  const status = runStatus(action, run.conclusion);
  return {
    key: { source: 'workflow_run', externalId: String(run.id) },
    facts: {
      status,
      workflowName: run.name ?? null,
      commitSha: run.head_sha ?? null,
      commitMessage: storableText(run.head_commit?.message),
      committedAt: toDate(run.head_commit?.timestamp),
      branch: run.head_branch ?? null,
      logsUrl: run.html_url ?? null,
      startedAt: toDate(run.run_started_at),
      completedAt: action === 'completed' ? toDate(run.updated_at) : null,
    },
    failedRunId: status === 'failure' ? run.id : null,
  };
}
