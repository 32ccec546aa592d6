import type { DeploymentStatus } from '@botsmith/shared';
import type { ExpressionBuilder, Kysely } from 'kysely';
import type { Database } from '../database';
import { isUniqueViolation, ProjectNameTakenError } from '../errors';
import type { Project, ProjectUpdate, StoredConfig } from '../tables/projects';
import { afterCursor, toPage } from './keyset';

// Every function here takes the owner id: queries are owner-scoped (SPEC §6), so one user
// can never read or change another user's projects through them.

/** What a new project needs besides its owner. */
export interface ProjectInput {
  name: string;
  config: StoredConfig;
  configSchemaVersion: number;
}

/**
 * Stores a new project for `ownerId`.
 *
 * @throws {ProjectNameTakenError} when the owner already has a project with this name.
 * @example const project = await createProject(db, user.id, { name, config, configSchemaVersion: 1 });
 */
export async function createProject(
  db: Kysely<Database>,
  ownerId: string,
  input: ProjectInput,
): Promise<Project> {
  try {
    return await db
      .insertInto('projects')
      .values({ ...input, ownerId, config: JSON.stringify(input.config) })
      .returningAll()
      .executeTakeFirstOrThrow();
  } catch (error) {
    if (isUniqueViolation(error, 'projects_owner_id_name_key')) {
      throw new ProjectNameTakenError(input.name, { cause: error });
    }
    throw error;
  }
}

/** The owner's projects, newest first. */
export function listProjects(db: Kysely<Database>, ownerId: string): Promise<Project[]> {
  return db
    .selectFrom('projects')
    .selectAll()
    .where('ownerId', '=', ownerId)
    .orderBy('createdAt', 'desc')
    .orderBy('name')
    .execute();
}

/** How many drafts (projects not set up on GitHub yet) the owner has. */
export async function countDrafts(db: Kysely<Database>, ownerId: string): Promise<number> {
  const row = await db
    .selectFrom('projects')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('ownerId', '=', ownerId)
    .where('status', '=', 'draft')
    .executeTakeFirstOrThrow();
  return row.count;
}

/** One of the owner's projects, or `undefined` (also when it belongs to someone else). */
export function findProject(
  db: Kysely<Database>,
  ownerId: string,
  projectId: string,
): Promise<Project | undefined> {
  return db
    .selectFrom('projects')
    .selectAll()
    .where('ownerId', '=', ownerId)
    .where('id', '=', projectId)
    .executeTakeFirst();
}

/** A project as the dashboard lists it: with its latest deployment's status, if any. */
export type ProjectSummary = Project & {
  latestDeploymentStatus: DeploymentStatus | null;
  latestDeploymentAt: Date | null;
};

/** The owner's projects, newest first, a page at a time (cursor: the last project's id). */
export async function listProjectsPage(
  db: Kysely<Database>,
  ownerId: string,
  options: { limit: number; cursor?: string | null },
): Promise<{ items: ProjectSummary[]; nextCursor: string | null }> {
  let query = db
    .selectFrom('projects')
    .selectAll('projects')
    .select((eb) => [
      latestDeployment(eb, 'status').as('latestDeploymentStatus'),
      latestDeployment(eb, 'createdAt').as('latestDeploymentAt'),
    ])
    .where('projects.ownerId', '=', ownerId);
  if (options.cursor) query = query.where(afterCursor('projects', options.cursor, ownerId));
  const rows = await query
    .orderBy('projects.createdAt', 'desc')
    .orderBy('projects.id', 'desc')
    .limit(options.limit + 1)
    .execute();
  return toPage(rows, options.limit);
}

function latestDeployment<C extends 'status' | 'createdAt'>(
  eb: ExpressionBuilder<Database, 'projects'>,
  column: C,
) {
  return eb
    .selectFrom('deployments')
    .select(`deployments.${column}` as `deployments.${C}`)
    .whereRef('deployments.projectId', '=', 'projects.id')
    .orderBy('deployments.createdAt', 'desc')
    .orderBy('deployments.id', 'desc')
    .limit(1);
}

/**
 * Changes one of the owner's projects; `undefined` when it is not theirs.
 *
 * @throws {ProjectNameTakenError} when renaming onto another of their projects' names.
 */
export async function updateProject(
  db: Kysely<Database>,
  ownerId: string,
  projectId: string,
  change: Pick<ProjectUpdate, 'name' | 'configSchemaVersion'> & { config?: StoredConfig },
): Promise<Project | undefined> {
  const { config, ...rest } = change;
  try {
    return await db
      .updateTable('projects')
      .set({
        ...rest,
        ...(config ? { config: JSON.stringify(config) } : {}),
        updatedAt: new Date(),
      })
      .where('ownerId', '=', ownerId)
      .where('id', '=', projectId)
      .returningAll()
      .executeTakeFirst();
  } catch (error) {
    if (change.name && isUniqueViolation(error, 'projects_owner_id_name_key')) {
      throw new ProjectNameTakenError(change.name, { cause: error });
    }
    throw error;
  }
}

/** Deletes the owner's project record (deployments, deliveries and runs go with it). */
export async function deleteProject(
  db: Kysely<Database>,
  ownerId: string,
  projectId: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom('projects')
    .where('ownerId', '=', ownerId)
    .where('id', '=', projectId)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** Forgets the project's webhook (its id and sealed secret) once it is gone at GitHub. */
export async function clearProjectWebhook(
  db: Kysely<Database>,
  ownerId: string,
  projectId: string,
): Promise<Project | undefined> {
  return db
    .updateTable('projects')
    .set({
      webhookId: null,
      webhookSecretCiphertext: null,
      webhookSecretKeyId: null,
      updatedAt: new Date(),
    })
    .where('ownerId', '=', ownerId)
    .where('id', '=', projectId)
    .returningAll()
    .executeTakeFirst();
}

/**
 * Projects a webhook delivery may belong to, for verifying its signature — not owner-scoped:
 * the caller is GitHub, and only a signature made with one of these projects' secrets lets
 * the delivery in. By hook id first; only when no project has that hook id yet, the projects
 * of repository `repoId` (GitHub's `X-GitHub-Hook-Installation-Target-ID`) whose hook id is
 * not stored yet (the `ping` GitHub sends on creation can arrive before setup has stored the
 * id). Both come from headers, so nothing of an unverified body is read to choose.
 */
export async function findWebhookCandidates(
  db: Kysely<Database>,
  hookId: number,
  repoId: number | null,
): Promise<{ candidates: Project[]; byHookId: boolean }> {
  const byHook = await db
    .selectFrom('projects')
    .selectAll()
    .where('webhookId', '=', hookId)
    .execute();
  if (byHook.length > 0) return { candidates: byHook, byHookId: true };
  if (repoId === null) return { candidates: [], byHookId: false };
  const byRepo = await db
    .selectFrom('projects')
    .selectAll()
    .where('repoId', '=', repoId)
    .where('webhookId', 'is', null)
    .where('webhookSecretCiphertext', 'is not', null)
    .limit(10)
    .execute();
  return { candidates: byRepo, byHookId: false };
}

/** Stores the hook id a verified `ping` named, unless the project already has one. */
export async function adoptProjectWebhookId(
  db: Kysely<Database>,
  projectId: string,
  hookId: number,
): Promise<void> {
  await db
    .updateTable('projects')
    .set({ webhookId: hookId, updatedAt: new Date() })
    .where('id', '=', projectId)
    .where('webhookId', 'is', null)
    .execute();
}
