import { describe, expect, it } from 'vitest';
import { examplePayload } from '../testing/webhook-fixtures';
import {
  deploymentFromWorkflowRun,
  runStatus,
  workflowRunSchema,
} from './deployment-from-workflow-run';

describe('deploymentFromWorkflowRun', () => {
  it('reads a run as GitHub sends it and keys the deployment by the run id', () => {
    const payload = examplePayload('workflow_run', 'alice/bot', (e) => e.action === 'completed');
    const run = workflowRunSchema.parse(payload.workflow_run);
    const completed = deploymentFromWorkflowRun(run, 'completed');
    expect(completed.key).toEqual({ source: 'workflow_run', externalId: String(run.id) });
    expect(completed.facts).toMatchObject({
      workflowName: run.name,
      commitSha: run.head_sha,
      branch: run.head_branch,
      completedAt: new Date(run.updated_at ?? ''),
    });
    expect(deploymentFromWorkflowRun(run, 'in_progress').facts).toMatchObject({
      status: 'in_progress',
      completedAt: null,
    });
    const failed = deploymentFromWorkflowRun({ ...run, conclusion: 'failure' }, 'completed');
    expect(failed).toMatchObject({ facts: { status: 'failure' }, failedRunId: run.id });
  });

  it('folds GitHub conclusions into our statuses', () => {
    expect(runStatus('requested', null)).toBe('queued');
    expect(runStatus('in_progress', null)).toBe('in_progress');
    expect(runStatus('completed', 'success')).toBe('success');
    expect(runStatus('completed', 'neutral')).toBe('success');
    expect(runStatus('completed', 'timed_out')).toBe('failure');
    expect(runStatus('completed', 'startup_failure')).toBe('failure');
    expect(runStatus('completed', 'cancelled')).toBe('cancelled');
    expect(runStatus('completed', 'skipped')).toBe('cancelled');
  });
});
