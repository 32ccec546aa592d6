export {
  createDatabase,
  createKysely,
  type DatabaseHandle,
  type DatabaseOptions,
  DEFAULT_STATEMENT_TIMEOUT_MS,
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
export {
  checkReady,
  type NotReadyReason,
  type Readiness,
  type WaitForDatabaseOptions,
  waitForDatabase,
} from './ready';
export {
  type ActivityInput,
  insertActivity,
  listActivities,
  listActivitiesPage,
} from './repositories/activities';
export {
  type ApiTokenSummary,
  deleteApiToken,
  findApiTokenWithUser,
  insertApiToken,
  listApiTokens,
  markApiTokenUsed,
} from './repositories/api-tokens';
export {
  type DeploymentFacts,
  type DeploymentKey,
  type DeploymentTiming,
  type DeploymentWithProject,
  findDeployment,
  latestDeploymentUrl,
  listDeploymentChanges,
  listDeployments,
  listDeploymentTimings,
  type MergeDeployment,
  saveDeployment,
} from './repositories/deployments';
export {
  findOAuthToken,
  listOAuthTokensSealedWith,
  resealOAuthToken,
  type SealedOAuthToken,
  saveOAuthToken,
} from './repositories/oauth-tokens';
export {
  clearProjectRepo,
  markProjectSettingUp,
  saveProjectRepo,
  saveProjectWebhookId,
  saveProjectWebhookSecret,
  setProjectStatus,
} from './repositories/project-github-link';
export {
  adoptProjectWebhookId,
  clearProjectWebhook,
  countDrafts,
  createProject,
  deleteProject,
  findProject,
  findWebhookCandidates,
  listProjects,
  listProjectsPage,
  type ProjectInput,
  type ProjectSummary,
  updateProject,
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
export {
  acquireSetupLease,
  findLatestSetupRun,
  findSetupRun,
  getSetupRunForWorker,
  insertSetupRun,
  listOrphanedSetupRuns,
  listSetupSteps,
  releaseSetupLease,
  renewSetupLease,
  type SetupRunInput,
  type SetupStepChange,
  setSetupRunStatus,
  transitionSetupStep,
  updateSetupStep,
} from './repositories/setup-runs';
export { findUserById, type GitHubProfile, upsertGitHubUser } from './repositories/users';
export {
  type DeliveryInput,
  findDelivery,
  findDeliveryWithProject,
  finishDelivery,
  recordDelivery,
  startDeliveryAttempt,
} from './repositories/webhook-deliveries';
export type { ActivitiesTable, Activity, NewActivity } from './tables/activities';
export type { ApiToken, ApiTokensTable, ApiTokenUpdate, NewApiToken } from './tables/api-tokens';
export type {
  Deployment,
  DeploymentsTable,
  DeploymentUpdate,
  NewDeployment,
} from './tables/deployments';
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
export type {
  NewSetupRun,
  NewSetupStep,
  SetupRun,
  SetupRunsTable,
  SetupRunUpdate,
  SetupStep,
  SetupStepsTable,
  SetupStepUpdate,
} from './tables/setup-runs';
export type { NewUser, User, UsersTable, UserUpdate } from './tables/users';
export type {
  NewWebhookDelivery,
  WebhookDeliveriesTable,
  WebhookDelivery,
} from './tables/webhook-deliveries';
