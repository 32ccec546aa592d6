import type { DeploymentSource, DeploymentStatus } from '@botsmith/shared';
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** A deployment of a project, kept current from webhook deliveries (SPEC §6). */
export interface DeploymentsTable {
  id: Generated<string>;
  projectId: string;
  source: DeploymentSource;
  /** The workflow run id or deployment id at GitHub; unique per project and source. */
  externalId: string;
  status: DeploymentStatus;
  workflowName: string | null;
  commitSha: string | null;
  commitMessage: string | null;
  /** When the commit was made: lead time runs from here to a successful completion. */
  committedAt: Date | null;
  branch: string | null;
  environment: string | null;
  url: string | null;
  logsUrl: string | null;
  /** The first failed job's name, for "failed at: test (22.x)". */
  failingJob: string | null;
  startedAt: Date | null;
  completedAt: Date | null;
  createdAt: ColumnType<Date, Date | undefined, never>;
  updatedAt: ColumnType<Date, Date | undefined, Date>;
}

export type Deployment = Selectable<DeploymentsTable>;
export type NewDeployment = Insertable<DeploymentsTable>;
export type DeploymentUpdate = Updateable<DeploymentsTable>;
