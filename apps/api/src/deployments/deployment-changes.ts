import { type Db, type DeploymentWithProject, listDeploymentChanges } from '@botsmith/db';
import { nextDeploymentChange } from './deployment-events';

/** How often we look at the database when nothing in this process said it changed. */
export const POLL_INTERVAL_MS = 1000;
/**
 * How far back each poll looks. A transaction that set `updated_at` may commit after a poll
 * that already saw later rows; looking back (and skipping what we already sent) catches it.
 */
const LOOKBACK_MS = 5000;
const PAGE_SIZE = 100;

/**
 * Yields the owner's deployments as they change, from now until `signal` aborts: polls the
 * database (the job may run in another process), woken early by changes made here.
 */
export async function* deploymentChanges(
  db: Db,
  ownerId: string,
  options: { projectId?: string | undefined; signal?: AbortSignal | undefined },
): AsyncGenerator<DeploymentWithProject> {
  const sent = new Map<string, number>();
  let newest = Date.now();
  let from = newest - LOOKBACK_MS;
  while (!options.signal?.aborted) {
    const rows = await listDeploymentChanges(db, ownerId, {
      since: new Date(from),
      projectId: options.projectId,
      limit: PAGE_SIZE,
    });
    for (const row of rows) {
      const version = row.updatedAt.getTime();
      if (sent.get(row.id) === version) continue;
      sent.set(row.id, version);
      newest = Math.max(newest, version);
      yield row;
    }
    const last = rows.at(-1);
    if (rows.length === PAGE_SIZE && last) {
      // A burst of changes: read on from the last one instead of waiting.
      from = Math.max(from + 1, last.updatedAt.getTime());
      continue;
    }
    from = newest - LOOKBACK_MS;
    for (const [id, version] of sent) if (version < from) sent.delete(id);
    await nextDeploymentChange(ownerId, POLL_INTERVAL_MS, options.signal);
  }
}
