import type { DeploymentSource, DeploymentStatus } from '@botsmith/shared';
import type { Kysely } from 'kysely';
import type { Database } from '../database';
import type { Deployment, DeploymentUpdate } from '../tables/deployments';
import { afterCursor, toPage } from './keyset';

// Reads are owner-scoped through the project (SPEC §6): a deployment is only visible to the
// owner of its project. Writes come from verified webhook deliveries, already tied to a project.

/** Identifies one deployment: where it came from and GitHub's id for it. */
export interface DeploymentKey {
  projectId: string;
  source: DeploymentSource;
  externalId: string;
}

/** What a delivery says about a deployment; `null` means "this event does not say". */
export type DeploymentFacts = Omit<DeploymentUpdate, 'projectId' | 'source' | 'externalId'> & {
  status: DeploymentStatus;
};

/**
 * Decides what to write given the stored row (if any) and the new facts; `null` writes
 * nothing. Keeps the state-transition rule out of the storage code.
 */
export type MergeDeployment = (
  current: Deployment | undefined,
  incoming: DeploymentFacts,
) => DeploymentUpdate | null;

/**
 * Creates or updates the deployment `key` under a row lock, so concurrent deliveries about
 * the same run apply one after the other. Returns the row when something was written.
 * Inside a caller's transaction it runs in that one (the lock lasts until it commits).
 */
export function saveDeployment(
  db: Kysely<Database>,
  key: DeploymentKey,
  facts: DeploymentFacts,
  merge: MergeDeployment,
): Promise<Deployment | undefined> {
  const locked = async (trx: Kysely<Database>) => {
    const lock = () =>
      trx
        .selectFrom('deployments')
        .selectAll()
        .where('projectId', '=', key.projectId)
        .where('source', '=', key.source)
        .where('externalId', '=', key.externalId)
        .forUpdate()
        .executeTakeFirst();
    let current = await lock();
    if (!current) {
      const change = merge(undefined, facts);
      if (!change) return undefined;
      const inserted = await trx
        .insertInto('deployments')
        .values({ ...facts, ...change, ...key, status: change.status ?? facts.status })
        .onConflict((oc) => oc.columns(['projectId', 'source', 'externalId']).doNothing())
        .returningAll()
        .executeTakeFirst();
      if (inserted) return inserted;
      // Another delivery inserted it between our read and write: merge into theirs.
      current = await lock();
      if (!current) return undefined;
    }
    const change = merge(current, facts);
    if (!change) return undefined;
    return trx
      .updateTable('deployments')
      .set({ ...change, updatedAt: new Date() })
      .where('id', '=', current.id)
      .returningAll()
      .executeTakeFirst();
  };
  return db.isTransaction ? locked(db) : db.transaction().execute(locked);
}

/** A deployment with the name of its project, as the dashboard lists it. */
export type DeploymentWithProject = Deployment & { projectName: string };

/** The owner's deployments, newest first, optionally of one project or in one status. */
export async function listDeployments(
  db: Kysely<Database>,
  ownerId: string,
  options: {
    limit: number;
    cursor?: string | null;
    projectId?: string | undefined;
    status?: DeploymentStatus | undefined;
  },
): Promise<{ items: DeploymentWithProject[]; nextCursor: string | null }> {
  let query = db
    .selectFrom('deployments')
    .innerJoin('projects', 'projects.id', 'deployments.projectId')
    .selectAll('deployments')
    .select('projects.name as projectName')
    .where('projects.ownerId', '=', ownerId);
  if (options.projectId) query = query.where('deployments.projectId', '=', options.projectId);
  if (options.status) query = query.where('deployments.status', '=', options.status);
  if (options.cursor) query = query.where(afterCursor('deployments', options.cursor, ownerId));
  const rows = await query
    .orderBy('deployments.createdAt', 'desc')
    .orderBy('deployments.id', 'desc')
    .limit(options.limit + 1)
    .execute();
  return toPage(rows, options.limit);
}

/**
 * Where the project's bot answers: the URL of its newest deployment that reported one, or
 * `null` (none deployed yet, or someone else's project).
 */
export async function latestDeploymentUrl(
  db: Kysely<Database>,
  ownerId: string,
  projectId: string,
): Promise<string | null> {
  const row = await db
    .selectFrom('deployments')
    .innerJoin('projects', 'projects.id', 'deployments.projectId')
    .select('deployments.url')
    .where('projects.ownerId', '=', ownerId)
    .where('deployments.projectId', '=', projectId)
    .where('deployments.url', 'is not', null)
    .orderBy('deployments.createdAt', 'desc')
    .orderBy('deployments.id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.url ?? null;
}

/** One of the owner's deployments, or `undefined` (also when it is someone else's). */
export function findDeployment(
  db: Kysely<Database>,
  ownerId: string,
  deploymentId: string,
): Promise<Deployment | undefined> {
  return db
    .selectFrom('deployments')
    .innerJoin('projects', 'projects.id', 'deployments.projectId')
    .selectAll('deployments')
    .where('projects.ownerId', '=', ownerId)
    .where('deployments.id', '=', deploymentId)
    .executeTakeFirst();
}

/** The columns statistics are computed from. */
export type DeploymentTiming = Pick<
  Deployment,
  'projectId' | 'source' | 'status' | 'startedAt' | 'completedAt' | 'committedAt' | 'createdAt'
>;

/** Timing of every deployment of the owner's projects (or of one of them), for statistics. */
export function listDeploymentTimings(
  db: Kysely<Database>,
  ownerId: string,
  projectId?: string,
): Promise<DeploymentTiming[]> {
  let query = db
    .selectFrom('deployments')
    .innerJoin('projects', 'projects.id', 'deployments.projectId')
    .select([
      'deployments.projectId',
      'deployments.source',
      'deployments.status',
      'deployments.startedAt',
      'deployments.completedAt',
      'deployments.committedAt',
      'deployments.createdAt',
    ])
    .where('projects.ownerId', '=', ownerId);
  if (projectId) query = query.where('deployments.projectId', '=', projectId);
  return query.execute();
}

/**
 * The owner's deployments changed at or after `since` (oldest change first), for live updates;
 * the job that writes them may run in another process, so the database is the source.
 */
export function listDeploymentChanges(
  db: Kysely<Database>,
  ownerId: string,
  options: { since: Date; projectId?: string | undefined; limit?: number },
): Promise<DeploymentWithProject[]> {
  let query = db
    .selectFrom('deployments')
    .innerJoin('projects', 'projects.id', 'deployments.projectId')
    .selectAll('deployments')
    .select('projects.name as projectName')
    .where('projects.ownerId', '=', ownerId)
    .where('deployments.updatedAt', '>=', options.since);
  if (options.projectId) query = query.where('deployments.projectId', '=', options.projectId);
  return query
    .orderBy('deployments.updatedAt')
    .orderBy('deployments.id')
    .limit(options.limit ?? 100)
    .execute();
}
