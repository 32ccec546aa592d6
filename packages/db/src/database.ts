import type { Kysely } from 'kysely';
import type { ProjectsTable } from './tables/projects';
import type { SessionsTable } from './tables/sessions';
import type { UsersTable } from './tables/users';

/**
 * Every table Kysely knows about, keyed by its SQL name. Column names are camelCase here and
 * snake_case in SQL: `createDatabase` installs Kysely's `CamelCasePlugin`.
 */
export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  projects: ProjectsTable;
}

/** An open Botsmith database (or transaction): what repositories and procedures take. */
export type Db = Kysely<Database>;
