export { ACTIVITY_ACTIONS, type ActivityAction } from './activity';
export {
  FEATURE_IDS,
  FEATURES,
  type FeatureId,
  type FeatureInfo,
  featureInfo,
  featureUnavailableReason,
  platformsSupporting,
} from './catalog/features';
export { GITHUB_SCOPES, type GitHubScope, type GitHubScopeInfo } from './catalog/github-scopes';
export { PLATFORM_IDS, PLATFORMS, type PlatformId, type PlatformInfo } from './catalog/platforms';
export { PRIORITIES, PRIORITY_IDS, type PriorityId, type PriorityInfo } from './catalog/priorities';
export {
  isSignInFailureCode,
  SIGN_IN_FAILURE_CODES,
  SIGN_IN_FAILURE_MESSAGES,
  type SignInFailureCode,
} from './catalog/sign-in-failures';
export { MAX_BATCH_SIZE } from './max-batch-size';
export {
  PERMISSIONS,
  type Permission,
  ROLE_PERMISSIONS,
  ROLES,
  type Role,
  roleAllows,
} from './permissions';
export {
  API_TOKEN_LIFETIME_DAYS,
  API_TOKEN_LIFETIMES,
  type CreateApiTokenInput,
  createApiTokenSchema,
} from './schemas/api-token';
export {
  AI_PROVIDERS,
  type AutomationId,
  BUILD_CONFIG_SCHEMA_VERSION,
  type BuildConfig,
  type BuildConfigDraft,
  type BuildConfigInput,
  buildConfigDraftSchema,
  buildConfigSchema,
  COMPLEXITIES,
  configurationStepSchema,
  DEPLOY_TARGETS,
  featuresStepSchema,
  LICENSES,
  NODE_VERSIONS,
  type NodeVersion,
  PACKAGE_MANAGERS,
  platformStepSchema,
  prioritiesStepSchema,
  SESSION_STORES,
  TEAM_SIZES,
} from './schemas/build-config';
export {
  DEPLOYMENT_SOURCES,
  DEPLOYMENT_STATUS_VALUES,
  type DeploymentSource,
  type DeploymentStats,
  type DeploymentStatus,
  deploymentStatsInputSchema,
  type ListDeploymentsInput,
  listDeploymentsInputSchema,
  PROJECT_STATUSES,
  type ProjectStatus,
  pageInputSchema,
  projectIdSchema,
  redeployInputSchema,
  renameProjectInputSchema,
  saveDraftInputSchema,
  WEBHOOK_DELIVERY_STATUSES,
  type WebhookDeliveryStatus,
} from './schemas/deployments';
export { projectNameSchema } from './schemas/project-name';
export { type Recommendation, recommendDefaults } from './schemas/recommendations';
export {
  groupLedger,
  LEDGER_LOCATIONS,
  LEDGER_OWNER_KINDS,
  type LedgerEntry,
  type LedgerLocation,
  type LedgerOwnerKind,
  ledgerEntrySchema,
  ledgerKindOf,
  ledgerNameSchema,
  missingRequired,
  type NextStep,
  type RuntimeLedger,
  runtimeLedgerSchema,
} from './schemas/runtime-ledger';
export {
  FINISHED_SETUP_RUN_STATUSES,
  githubLoginSchema,
  PREFLIGHT_CHECK_IDS,
  type PreflightCheck,
  type PreflightCheckId,
  type PreflightInput,
  type PreflightResult,
  type PreflightStatus,
  type ProvideSecretsInput,
  preflightInputSchema,
  provideSecretsInputSchema,
  REPO_VISIBILITIES,
  type RepoTarget,
  type RepoVisibility,
  repoTargetSchema,
  rollbackSetupInputSchema,
  SETUP_RUN_STATUSES,
  SETUP_STEP_IDS,
  SETUP_STEP_STATUSES,
  SETUP_STEP_TITLES,
  type SetupPlan,
  type SetupRunStatus,
  type SetupStepId,
  type SetupStepStatus,
  type StartSetupInput,
  secretNameSchema,
  setupPlanSchema,
  setupRunIdSchema,
  startSetupInputSchema,
} from './schemas/setup';
export { safeText } from './schemas/text';
export {
  type BuildConfigUpgrade,
  type BuildConfigV1Input,
  UnsupportedSchemaVersionError,
  upgradableBuildConfigSchema,
  upgradeBuildConfig,
} from './schemas/upgrade-build-config';
export {
  type ConfigIssue,
  formatConfigIssues,
  WIZARD_STEP_IDS,
  WIZARD_STEPS,
  type WizardStep,
  type WizardStepId,
} from './schemas/wizard';
