import {
  type Db,
  listSetupSteps,
  type SetupRun,
  setProjectStatus,
  setSetupRunStatus,
  updateSetupStep,
} from '@botsmith/db';
import { TRPCError } from '@trpc/server';
import type { Octokit } from 'octokit';
import { auditFor } from '../activities/audit';
import type { RequestMeta } from '../activities/request-meta';
import type { RollbackResult, UndoContext } from '../setup-steps/setup-step';

export type { RollbackResult };

import { classifyGitHubError } from '../github/github-errors';
import { parseStepOutput, setupStepOf } from '../setup-steps/setup-steps';

/**
 * Undoes what the setup created, step by step in reverse through each step's `undo`: the
 * webhook always, the repository only when the user typed its full name. Deleting a
 * repository needs the `delete_repo` scope, which Botsmith does not request: GitHub's 403 is
 * reported with a link to the repository settings, never swallowed.
 */
export async function rollbackSetup(
  deps: { db: Db; octokit: Octokit },
  run: SetupRun,
  input: { confirmRepoFullName?: string | undefined },
  meta: RequestMeta,
): Promise<RollbackResult> {
  const { db, octokit } = deps;
  if (
    !(await setSetupRunStatus(db, run.id, 'rolling_back', {
      from: ['failed', 'dead', 'succeeded', 'waiting', 'rolled_back'],
    }))
  ) {
    throw new TRPCError({
      code: 'CONFLICT',
      message: 'The setup is still running; wait for it to stop first.',
    });
  }
  const rows = await listSetupSteps(db, run.id);
  const ctx: UndoContext = {
    db,
    run,
    github: octokit,
    confirmRepoFullName: input.confirmRepoFullName,
    outputOf: (id) => parseStepOutput(id, rows.find((row) => row.name === id)?.output),
  };
  const result: RollbackResult = { webhookDeleted: false, repo: { status: 'kept' } };
  try {
    for (const row of [...rows].reverse()) {
      const outcome = await setupStepOf(row.name)?.undo?.(ctx);
      if (!outcome) continue;
      Object.assign(result, outcome.result);
      await updateSetupStep(
        db,
        run.id,
        row.name,
        outcome.rolledBack
          ? { status: 'rolled_back', message: outcome.message }
          : { message: outcome.message },
      );
    }
  } catch (error) {
    await setSetupRunStatus(db, run.id, run.status, { from: ['rolling_back'] });
    if (error instanceof TRPCError) throw error;
    const failure = classifyGitHubError(error);
    throw new TRPCError({
      code: failure.kind === 'transient' ? 'SERVICE_UNAVAILABLE' : 'BAD_REQUEST',
      message: `Rollback failed: ${failure.message}`,
      cause: error,
    });
  }
  await setSetupRunStatus(db, run.id, 'rolled_back', { from: ['rolling_back'], completed: true });
  await setProjectStatus(db, run.userId, run.projectId, 'draft');
  await auditFor(db, { userId: run.userId, meta })(
    'setup.rolled_back',
    { runId: run.id, webhookDeleted: result.webhookDeleted, repo: result.repo.status },
    { projectId: run.projectId },
  );
  return result;
}
