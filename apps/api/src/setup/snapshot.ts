import {
  type Db,
  findSetupRun,
  latestDeploymentUrl,
  listSetupSteps,
  type SetupRun,
} from '@botsmith/db';
import {
  SETUP_STEP_TITLES,
  type SetupRunStatus,
  type SetupStepId,
  type SetupStepStatus,
} from '@botsmith/shared';

/** What the browser sees of a run: the same shape from `get`, `latestForProject` and `progress`. */
export interface SetupSnapshot {
  runId: string;
  projectId: string;
  status: SetupRunStatus;
  error: string | null;
  repo: { fullName: string; htmlUrl: string; actionsUrl: string } | null;
  steps: {
    id: SetupStepId;
    title: string;
    status: SetupStepStatus;
    message: string | null;
    attempts: number;
    startedAt: Date | null;
    completedAt: Date | null;
    durationMs: number | null;
  }[];
  /** Present while `github:secrets:store` waits for the browser to seal the values. */
  secrets: { keyId: string; key: string; names: string[] } | null;
  firstRun: {
    status: string;
    conclusion: string | null;
    htmlUrl: string | null;
    failingJob: string | null;
  } | null;
  /** Where the deployed bot answers: the newest deployment's `environment_url`, if any. */
  deploymentUrl: string | null;
}

const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** Builds the snapshot of one of the user's runs, or `undefined` when it is not theirs. */
export async function loadSetupSnapshot(
  db: Db,
  userId: string,
  runId: string,
): Promise<SetupSnapshot | undefined> {
  const run = await findSetupRun(db, userId, runId);
  return run ? snapshotOf(db, run) : undefined;
}

/** The snapshot of a run already read with its owner's scope. */
export async function snapshotOf(db: Db, run: SetupRun): Promise<SetupSnapshot> {
  const rows = await listSetupSteps(db, run.id);
  const byName = new Map(rows.map((row) => [row.name, row]));
  const created = byName.get('github:repo:create')?.output ?? {};
  const htmlUrl = str(created.htmlUrl);
  const fullName = str(created.fullName);
  const secretsRow = byName.get('github:secrets:store');
  const firstRun = byName.get('github:workflow:await-first-run')?.output ?? {};
  const deploymentUrl = await latestDeploymentUrl(db, run.userId, run.projectId);
  return {
    runId: run.id,
    projectId: run.projectId,
    status: run.status,
    error: run.error,
    repo: htmlUrl && fullName ? { fullName, htmlUrl, actionsUrl: `${htmlUrl}/actions` } : null,
    steps: rows.map((row) => ({
      id: row.name as SetupStepId,
      title: SETUP_STEP_TITLES[row.name as SetupStepId] ?? row.name,
      status: row.status,
      message: row.message,
      attempts: row.attempts,
      startedAt: row.startedAt,
      completedAt: row.completedAt,
      durationMs:
        row.startedAt && row.completedAt
          ? row.completedAt.getTime() - row.startedAt.getTime()
          : null,
    })),
    secrets:
      secretsRow?.status === 'waiting' && str(secretsRow.output.keyId) && str(secretsRow.output.key)
        ? {
            keyId: String(secretsRow.output.keyId),
            key: String(secretsRow.output.key),
            names: Array.isArray(secretsRow.output.names)
              ? secretsRow.output.names.map(String)
              : [],
          }
        : null,
    firstRun: str(firstRun.status)
      ? {
          status: String(firstRun.status),
          conclusion: str(firstRun.conclusion),
          htmlUrl: str(firstRun.htmlUrl),
          failingJob: str(firstRun.failingJob),
        }
      : null,
    deploymentUrl,
  };
}
