import {
  adoptProjectWebhookId,
  type DeploymentFacts,
  findDeliveryWithProject,
  finishDelivery,
  type Project,
} from '@botsmith/db';
import type { FastifyBaseLogger } from 'fastify';
import { auditFor } from '../activities/audit';
import { notifyDeploymentChanged } from '../deployments/deployment-events';
import { recordDeployment } from '../deployments/record-deployment';
import { GitHubAccessMissingError, octokitForUser } from '../github/octokit';
import type { Services } from '../services';
import { mapEvent } from './map-event';

export type ProcessDeliveryDeps = Pick<Services, 'db' | 'cipher' | 'github' | 'log'>;

/**
 * Applies one stored delivery: deployments and the activity feed. Its effects and its
 * `processed` status commit in one transaction, so a crash or a lost connection half-way
 * leaves nothing applied and the retry applies it once; a delivery already processed or
 * ignored is skipped. GitHub is asked (for a failed run's job) before the transaction, so no
 * transaction waits on it.
 */
export async function processDelivery(
  deps: ProcessDeliveryDeps,
  deliveryId: string,
): Promise<void> {
  const found = await findDeliveryWithProject(deps.db, deliveryId);
  if (!found) return; // its project was deleted, and the delivery with it
  const { delivery, project } = found;
  if (delivery.status === 'processed' || delivery.status === 'ignored') return;
  const log = deps.log.child({ deliveryId: delivery.deliveryId, event: delivery.event });
  const effect = mapEvent(delivery.event, delivery.payload);
  const failingJob =
    effect.kind === 'deployment' && effect.failedRunId !== null
      ? await failingJobName(deps, project, effect.failedRunId, log)
      : undefined;

  const deploymentChanged = await deps.db.transaction().execute(async (trx) => {
    const audit = auditFor(trx, { userId: project.ownerId });
    const activity = (metadata: Record<string, unknown>) =>
      audit('webhook.received', metadata, { projectId: project.id });
    let changed = false;
    switch (effect.kind) {
      case 'deployment': {
        const facts: DeploymentFacts = { ...effect.facts };
        if (failingJob !== undefined) facts.failingJob = failingJob;
        changed = await recordDeployment(trx, project, effect.key, facts);
        break;
      }
      case 'push':
        await activity(effect.metadata);
        break;
      case 'ping':
        // A verified ping proves the hook reaches us with the right secret.
        if (effect.hookId !== null) await adoptProjectWebhookId(trx, project.id, effect.hookId);
        await activity({ event: 'ping', hookId: effect.hookId, verified: true });
        break;
      case 'noop':
        log.debug({ reason: effect.reason }, 'delivery changes nothing');
        break;
      case 'ignored':
        await finishDelivery(trx, delivery.id, { status: 'ignored' });
        return false;
    }
    await finishDelivery(trx, delivery.id, { status: 'processed' });
    return changed;
  });
  if (deploymentChanged) notifyDeploymentChanged(project.ownerId);
}

/**
 * The first failed job of a run, asked from GitHub with the owner's token. Best effort: the
 * deployment is recorded either way, so without a token, or when GitHub cannot tell us, it
 * stays unknown rather than holding the delivery back.
 */
async function failingJobName(
  deps: ProcessDeliveryDeps,
  project: Project,
  runId: number,
  log: FastifyBaseLogger,
): Promise<string | null> {
  const [owner, repo] = project.repoFullName?.split('/') ?? [];
  if (!owner || !repo) return null;
  try {
    const octokit = await octokitForUser(deps, project.ownerId);
    const { data } = await octokit.rest.actions.listJobsForWorkflowRun({
      owner,
      repo,
      run_id: runId,
      filter: 'latest',
      per_page: 100,
    });
    return data.jobs.find((job) => job.conclusion === 'failure')?.name ?? null;
  } catch (err) {
    // No GitHub access for the owner: the deployment is recorded without the job's name.
    if (err instanceof GitHubAccessMissingError) return null;
    log.warn({ err, runId }, 'could not read the failed run’s jobs');
    return null;
  }
}
