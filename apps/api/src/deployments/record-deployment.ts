import {
  type Db,
  type DeploymentFacts,
  type DeploymentKey,
  type Project,
  saveDeployment,
} from '@botsmith/db';
import { auditFor } from '../activities/audit';
import { isFinished, mergeDeployment } from './transition';

/**
 * Saves what GitHub told us about a deployment (a webhook delivery, or the setup watching its
 * first run) by the state-transition rule, and records an activity when it reached a final
 * state. Safe to call twice with the same facts. Returns whether anything changed: the
 * caller then wakes live subscribers (`notifyDeploymentChanged`) — after its transaction
 * commits, when it runs in one, or they would look before the change is visible.
 */
export async function recordDeployment(
  db: Db,
  project: Pick<Project, 'id' | 'ownerId'>,
  key: Omit<DeploymentKey, 'projectId'>,
  facts: DeploymentFacts,
): Promise<boolean> {
  let statusChanged = false;
  const saved = await saveDeployment(
    db,
    { projectId: project.id, ...key },
    facts,
    (current, incoming) => {
      const change = mergeDeployment(current, incoming);
      statusChanged = change?.status !== undefined && change.status !== current?.status;
      return change;
    },
  );
  if (!saved) return false;
  if (statusChanged && isFinished(saved.status)) {
    await auditFor(db, { userId: project.ownerId })(
      'deployment.updated',
      {
        deploymentId: saved.id,
        status: saved.status,
        workflowName: saved.workflowName,
        environment: saved.environment,
        commitSha: saved.commitSha,
        failingJob: saved.failingJob,
      },
      { projectId: project.id },
    );
  }
  return true;
}
