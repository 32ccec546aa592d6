import type { RepoVisibility, SetupRunStatus, SetupStepStatus } from '@botsmith/shared';
import type {
  ColumnType,
  Generated,
  Insertable,
  JSONColumnType,
  Selectable,
  Updateable,
} from 'kysely';

/** One auto-setup of a project on GitHub (SPEC §6): the repo it targets and how it went. */
export interface SetupRunsTable {
  id: Generated<string>;
  projectId: string;
  /** The owner; every query filters by it. */
  userId: string;
  status: ColumnType<SetupRunStatus, SetupRunStatus | undefined, SetupRunStatus>;
  /** GitHub login of the user or organisation that owns the repo. */
  repoOwner: string;
  repoName: string;
  visibility: RepoVisibility;
  /** What preflight decided (which optional steps run) and what the run needs to know. */
  plan: JSONColumnType<Record<string, unknown>, string | undefined, string>;
  error: string | null;
  createdAt: ColumnType<Date, Date | undefined, never>;
  updatedAt: ColumnType<Date, Date | undefined, Date>;
  completedAt: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** The worker executing the run right now, until `leaseExpiresAt` (renewed while it works). */
  leaseOwner: ColumnType<string | null, string | null | undefined, string | null>;
  leaseExpiresAt: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

/** A step of a setup run; `output` is its checkpoint, read again when the step reruns. */
export interface SetupStepsTable {
  runId: string;
  /** The step's id, `provider:entity:verb` (`github:repo:create`; `SETUP_STEP_IDS` in shared). */
  name: string;
  position: number;
  status: ColumnType<SetupStepStatus, SetupStepStatus | undefined, SetupStepStatus>;
  attempts: ColumnType<number, number | undefined, number>;
  message: string | null;
  output: JSONColumnType<Record<string, unknown>, string | undefined, string>;
  error: string | null;
  startedAt: ColumnType<Date | null, Date | null | undefined, Date | null>;
  completedAt: ColumnType<Date | null, Date | null | undefined, Date | null>;
  updatedAt: ColumnType<Date, Date | undefined, Date>;
}

export type SetupRun = Selectable<SetupRunsTable>;
export type NewSetupRun = Insertable<SetupRunsTable>;
export type SetupRunUpdate = Updateable<SetupRunsTable>;
export type SetupStep = Selectable<SetupStepsTable>;
export type NewSetupStep = Insertable<SetupStepsTable>;
export type SetupStepUpdate = Updateable<SetupStepsTable>;
