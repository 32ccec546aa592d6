import type { Kysely } from 'kysely';
import type { ActivitiesTable } from './tables/activities';
import type { ApiTokensTable } from './tables/api-tokens';
import type { DeploymentsTable } from './tables/deployments';
import type { OAuthTokensTable } from './tables/oauth-tokens';
import type { ProjectsTable } from './tables/projects';
import type { RateLimitsTable } from './tables/rate-limits';
import type { SessionsTable } from './tables/sessions';
import type { SetupRunsTable, SetupStepsTable } from './tables/setup-runs';
import type { UsersTable } from './tables/users';
import type { WebhookDeliveriesTable } from './tables/webhook-deliveries';

/**
 * Every table Kysely knows about, keyed by its SQL name. Column names are camelCase here and
 * snake_case in SQL: `createDatabase` installs Kysely's `CamelCasePlugin`.
 */
export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  projects: ProjectsTable;
  oauthTokens: OAuthTokensTable;
  apiTokens: ApiTokensTable;
  activities: ActivitiesTable;
  rateLimits: RateLimitsTable;
  setupRuns: SetupRunsTable;
  setupSteps: SetupStepsTable;
  webhookDeliveries: WebhookDeliveriesTable;
  deployments: DeploymentsTable;
}

/** An open Botsmith database (or transaction): what repositories and procedures take. */
export type Db = Kysely<Database>;
