import type { RepoVisibility, SetupRunStatus, SetupStepStatus } from '@botsmith/shared';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../database';
import type { SetupRun, SetupStep, SetupStepUpdate } from '../tables/setup-runs';

// Reads taking a `userId` are owner-scoped (SPEC §6). The worker's functions take only a run
// id: the worker acts for the run's owner, whose id is on the row.

/** A new run and its steps, in order; skipped steps are recorded as such from the start. */
export interface SetupRunInput {
  projectId: string;
  userId: string;
  repoOwner: string;
  repoName: string;
  visibility: RepoVisibility;
  plan: Record<string, unknown>;
  steps: { name: string; skipped: boolean }[];
}

/** Inserts a queued run with its steps (call inside a transaction with the project change). */
export async function insertSetupRun(
  db: Kysely<Database>,
  input: SetupRunInput,
): Promise<SetupRun> {
  const run = await db
    .insertInto('setupRuns')
    .values({
      projectId: input.projectId,
      userId: input.userId,
      repoOwner: input.repoOwner,
      repoName: input.repoName,
      visibility: input.visibility,
      plan: JSON.stringify(input.plan),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await db
    .insertInto('setupSteps')
    .values(
      input.steps.map((step, position) => ({
        runId: run.id,
        name: step.name,
        position,
        status: step.skipped ? ('skipped' as const) : ('pending' as const),
      })),
    )
    .execute();
  return run;
}

/** One of the user's runs, or `undefined` (also when it belongs to someone else). */
export function findSetupRun(
  db: Kysely<Database>,
  userId: string,
  runId: string,
): Promise<SetupRun | undefined> {
  return db
    .selectFrom('setupRuns')
    .selectAll()
    .where('userId', '=', userId)
    .where('id', '=', runId)
    .executeTakeFirst();
}

/** The newest run of one of the user's projects. */
export function findLatestSetupRun(
  db: Kysely<Database>,
  userId: string,
  projectId: string,
): Promise<SetupRun | undefined> {
  return db
    .selectFrom('setupRuns')
    .selectAll()
    .where('userId', '=', userId)
    .where('projectId', '=', projectId)
    .orderBy('createdAt', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** A run by id, for the worker (which acts for the run's owner). */
export function getSetupRunForWorker(
  db: Kysely<Database>,
  runId: string,
): Promise<SetupRun | undefined> {
  return db.selectFrom('setupRuns').selectAll().where('id', '=', runId).executeTakeFirst();
}

/** The run's steps in order. */
export function listSetupSteps(db: Kysely<Database>, runId: string): Promise<SetupStep[]> {
  return db
    .selectFrom('setupSteps')
    .selectAll()
    .where('runId', '=', runId)
    .orderBy('position')
    .execute();
}

/** A change to a step; `output` is replaced as a whole (it is the step's checkpoint). */
export type SetupStepChange = Omit<SetupStepUpdate, 'output' | 'runId' | 'name'> & {
  output?: Record<string, unknown>;
};

function stepValues(change: SetupStepChange) {
  const { output, ...rest } = change;
  return {
    ...rest,
    ...(output === undefined ? {} : { output: JSON.stringify(output) }),
    updatedAt: new Date(),
  };
}

/** Changes a step. */
export async function updateSetupStep(
  db: Kysely<Database>,
  runId: string,
  name: string,
  change: SetupStepChange,
): Promise<void> {
  await db
    .updateTable('setupSteps')
    .set(stepValues(change))
    .where('runId', '=', runId)
    .where('name', '=', name)
    .execute();
}

/**
 * Changes a step only if its status still is in `from`; false when someone else got there
 * first (two `provideSecrets` calls, a retry racing a worker).
 */
export async function transitionSetupStep(
  db: Kysely<Database>,
  runId: string,
  name: string,
  from: readonly SetupStepStatus[],
  change: SetupStepChange & { status: SetupStepStatus },
): Promise<boolean> {
  const result = await db
    .updateTable('setupSteps')
    .set(stepValues(change))
    .where('runId', '=', runId)
    .where('name', '=', name)
    .where('status', 'in', [...from])
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Sets a run's status (and error / completion), optionally only from some statuses. */
export async function setSetupRunStatus(
  db: Kysely<Database>,
  runId: string,
  status: SetupRunStatus,
  options: { error?: string | null; from?: readonly SetupRunStatus[]; completed?: boolean } = {},
): Promise<boolean> {
  let query = db
    .updateTable('setupRuns')
    .set({
      status,
      updatedAt: new Date(),
      ...(options.error === undefined ? {} : { error: options.error }),
      ...(options.completed ? { completedAt: new Date() } : {}),
    })
    .where('id', '=', runId);
  if (options.from) query = query.where('status', 'in', [...options.from]);
  const result = await query.executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * Takes the run's lease for `owner` when nobody holds a live one. Only runnable runs
 * (`queued`, `running`) can be leased. Returns false when another worker is executing it.
 */
export async function acquireSetupLease(
  db: Kysely<Database>,
  runId: string,
  owner: string,
  ttlMs: number,
): Promise<boolean> {
  const result = await db
    .updateTable('setupRuns')
    .set({
      leaseOwner: owner,
      leaseExpiresAt: sql<Date>`now() + ${`${ttlMs} milliseconds`}::interval`,
      status: 'running',
      updatedAt: new Date(),
    })
    .where('id', '=', runId)
    .where('status', 'in', ['queued', 'running'])
    .where((eb) =>
      eb.or([
        eb('leaseExpiresAt', 'is', null),
        eb('leaseExpiresAt', '<', sql<Date>`now()`),
        eb('leaseOwner', '=', owner),
      ]),
    )
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Extends a lease the owner still holds; false when it was lost (the worker must stop). */
export async function renewSetupLease(
  db: Kysely<Database>,
  runId: string,
  owner: string,
  ttlMs: number,
): Promise<boolean> {
  const result = await db
    .updateTable('setupRuns')
    .set({ leaseExpiresAt: sql<Date>`now() + ${`${ttlMs} milliseconds`}::interval` })
    .where('id', '=', runId)
    .where('leaseOwner', '=', owner)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Gives the lease up (the run finished, paused or failed). */
export async function releaseSetupLease(
  db: Kysely<Database>,
  runId: string,
  owner: string,
): Promise<void> {
  await db
    .updateTable('setupRuns')
    .set({ leaseOwner: null, leaseExpiresAt: null })
    .where('id', '=', runId)
    .where('leaseOwner', '=', owner)
    .execute();
}

/**
 * Runs to hand to a worker again: `running` ones whose lease expired (their process died)
 * and `queued` ones nobody picked up for `staleQueuedMs` (a lost enqueue).
 */
export async function listOrphanedSetupRuns(
  db: Kysely<Database>,
  staleQueuedMs: number,
): Promise<string[]> {
  const rows = await db
    .selectFrom('setupRuns')
    .select('id')
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'running'), eb('leaseExpiresAt', '<', sql<Date>`now()`)]),
        eb.and([eb('status', '=', 'running'), eb('leaseExpiresAt', 'is', null)]),
        eb.and([
          eb('status', '=', 'queued'),
          eb('leaseExpiresAt', 'is', null),
          eb('updatedAt', '<', sql<Date>`now() - ${`${staleQueuedMs} milliseconds`}::interval`),
        ]),
      ]),
    )
    .limit(100)
    .execute();
  return rows.map((row) => row.id);
}
