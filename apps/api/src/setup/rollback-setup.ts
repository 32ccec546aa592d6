import {
  clearProjectRepo,
  type Db,
  insertActivity,
  listSetupSteps,
  type SetupRun,
  saveProjectWebhookId,
  setProjectStatus,
  setSetupRunStatus,
  updateSetupStep,
} from '@botsmith/db';
import { TRPCError } from '@trpc/server';
import type { Octokit } from 'octokit';
import type { RequestMeta } from '../activities/request-meta';
import { classifyGitHubError } from './github-retry';

/** What a rollback did; `repo.settingsUrl` is where the user deletes it themselves. */
export interface RollbackResult {
  webhookDeleted: boolean;
  repo:
    | { status: 'deleted' }
    | { status: 'kept' }
    | { status: 'refused'; message: string; settingsUrl: string };
}

const notFound = (error: unknown) => (error as { status?: number })?.status === 404;

/**
 * Undoes what the setup created: the webhook always, the repository only when the user typed
 * its full name. Deleting a repository needs the `delete_repo` scope, which Botsmith does not
 * request: GitHub's 403 is reported with a link to the repository settings, never swallowed.
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
  const steps = await listSetupSteps(db, run.id);
  const output = (name: string) => steps.find((row) => row.name === name)?.output ?? {};
  const fullName =
    typeof output('create_repo').fullName === 'string'
      ? String(output('create_repo').fullName)
      : null;
  const htmlUrl = String(output('create_repo').htmlUrl ?? '');
  const [owner = '', repo = ''] = (fullName ?? '').split('/');
  const result: RollbackResult = { webhookDeleted: false, repo: { status: 'kept' } };
  try {
    const hookId = Number(output('webhook').hookId);
    if (fullName && Number.isInteger(hookId) && hookId > 0) {
      try {
        await octokit.rest.repos.deleteWebhook({ owner, repo, hook_id: hookId });
      } catch (error) {
        if (!notFound(error)) throw error;
      }
      result.webhookDeleted = true;
      await saveProjectWebhookId(db, run.userId, run.projectId, null);
      await updateSetupStep(db, run.id, 'webhook', {
        status: 'rolled_back',
        message: 'Webhook deleted.',
      });
    }
    if (fullName && input.confirmRepoFullName !== undefined) {
      if (input.confirmRepoFullName !== fullName) {
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message: `Type ${fullName} exactly to delete the repository.`,
        });
      }
      try {
        await octokit.rest.repos.delete({ owner, repo });
        result.repo = { status: 'deleted' };
      } catch (error) {
        if (notFound(error)) {
          result.repo = { status: 'deleted' };
        } else if ((error as { status?: number })?.status === 403) {
          const settingsUrl = `${htmlUrl}/settings`;
          result.repo = {
            status: 'refused',
            settingsUrl,
            message: `GitHub refused to delete ${fullName}: Botsmith does not ask for the delete_repo permission. Delete it yourself at ${settingsUrl} (Danger Zone → Delete this repository).`,
          };
        } else {
          throw error;
        }
      }
      if (result.repo.status === 'deleted') {
        await clearProjectRepo(db, run.userId, run.projectId);
        await updateSetupStep(db, run.id, 'create_repo', {
          status: 'rolled_back',
          message: `Deleted ${fullName}.`,
        });
      } else if (result.repo.status === 'refused') {
        await updateSetupStep(db, run.id, 'create_repo', { message: result.repo.message });
      }
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
  await insertActivity(db, {
    userId: run.userId,
    projectId: run.projectId,
    action: 'setup.rolled_back',
    ...meta,
    metadata: { runId: run.id, webhookDeleted: result.webhookDeleted, repo: result.repo.status },
  });
  return result;
}
