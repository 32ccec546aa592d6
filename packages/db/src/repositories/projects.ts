import type { Kysely } from 'kysely';
import type { Database } from '../database';
import { isUniqueViolation, ProjectNameTakenError } from '../errors';
import type { Project, StoredConfig } from '../tables/projects';

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
