export {
  createDatabase,
  createKysely,
  type DatabaseHandle,
  type DatabaseOptions,
  pgliteDataDir,
} from './client';
export type { Database, Db } from './database';
export { isUniqueViolation, ProjectNameTakenError } from './errors';
export {
  createMigrator,
  MigrationError,
  migrateDownAll,
  migrateToLatest,
  pendingMigrations,
} from './migrate';
export { PGliteDialect, type PGliteSource } from './pglite/dialect';
export { checkReady, type NotReadyReason, type Readiness } from './ready';
export {
  createProject,
  findProject,
  listProjects,
  type ProjectInput,
} from './repositories/projects';
export { findUserById, type GitHubProfile, upsertGitHubUser } from './repositories/users';
export type {
  NewProject,
  Project,
  ProjectsTable,
  ProjectUpdate,
  StoredConfig,
} from './tables/projects';
export type { NewSession, Session, SessionsTable, SessionUpdate } from './tables/sessions';
export type { NewUser, User, UsersTable, UserUpdate } from './tables/users';
