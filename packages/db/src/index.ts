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
export type {
  ActivitiesTable,
  Activity,
  ActivityAction,
  NewActivity,
} from './tables/activities';
export type { ApiToken, ApiTokensTable, ApiTokenUpdate, NewApiToken } from './tables/api-tokens';
export type {
  Deployment,
  DeploymentSource,
  DeploymentStatus,
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
export {
  type NewProject,
  PROJECT_STATUSES,
  type Project,
  type ProjectStatus,
  type ProjectsTable,
  type ProjectUpdate,
  type StoredConfig,
} from './tables/projects';
export type { RateLimit, RateLimitsTable } from './tables/rate-limits';
export type { NewSession, Session, SessionsTable, SessionUpdate } from './tables/sessions';
export {
  type NewSetupRun,
  type NewSetupStep,
  SETUP_RUN_STATUSES,
  SETUP_STEP_STATUSES,
  type SetupRun,
  type SetupRunStatus,
  type SetupRunsTable,
  type SetupRunUpdate,
  type SetupStep,
  type SetupStepStatus,
  type SetupStepsTable,
  type SetupStepUpdate,
} from './tables/setup-runs';
export type { NewUser, User, UsersTable, UserUpdate } from './tables/users';
export {
  type NewWebhookDelivery,
  WEBHOOK_DELIVERY_STATUSES,
  type WebhookDeliveriesTable,
  type WebhookDelivery,
  type WebhookDeliveryStatus,
} from './tables/webhook-deliveries';
