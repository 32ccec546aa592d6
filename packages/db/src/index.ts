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
export { type ActivityInput, insertActivity, listActivities } from './repositories/activities';
export {
  type ApiTokenSummary,
  deleteApiToken,
  findApiTokenWithUser,
  insertApiToken,
  listApiTokens,
  markApiTokenUsed,
} from './repositories/api-tokens';
export {
  findOAuthToken,
  listOAuthTokensSealedWith,
  resealOAuthToken,
  type SealedOAuthToken,
  saveOAuthToken,
} from './repositories/oauth-tokens';
export {
  createProject,
  findProject,
  listProjects,
  type ProjectInput,
} from './repositories/projects';
export {
  deleteExpiredRateLimits,
  hitRateLimit,
  type RateLimitHit,
} from './repositories/rate-limits';
export {
  deleteExpiredSessions,
  deleteSession,
  deleteUserSessions,
  findSessionWithUser,
  insertSession,
  touchSession,
} from './repositories/sessions';
export { findUserById, type GitHubProfile, upsertGitHubUser } from './repositories/users';
export type {
  ActivitiesTable,
  Activity,
  ActivityAction,
  NewActivity,
} from './tables/activities';
export type { ApiToken, ApiTokensTable, ApiTokenUpdate, NewApiToken } from './tables/api-tokens';
export type {
  NewOAuthToken,
  OAuthToken,
  OAuthTokensTable,
  OAuthTokenUpdate,
} from './tables/oauth-tokens';
export type {
  NewProject,
  Project,
  ProjectsTable,
  ProjectUpdate,
  StoredConfig,
} from './tables/projects';
export type { RateLimit, RateLimitsTable } from './tables/rate-limits';
export type { NewSession, Session, SessionsTable, SessionUpdate } from './tables/sessions';
export type { NewUser, User, UsersTable, UserUpdate } from './tables/users';
