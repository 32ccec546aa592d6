import {
  createProject,
  type Db,
  insertSetupRun,
  markProjectSettingUp,
  setProjectStatus,
} from '@botsmith/db';
import { generate } from '@botsmith/generators';
import {
  type BuildConfig,
  type LedgerEntry,
  ledgerValueProblem,
  type RepoTarget,
  SETUP_STEP_IDS,
  type SetupPlan,
  type SetupStepId,
} from '@botsmith/shared';
import { TRPCError } from '@trpc/server';
import { auditFor } from '../activities/audit';
import type { RequestMeta } from '../activities/request-meta';
import type { JobQueue } from '../jobs/job-queue';
import { requiredChecksOf, startsWorkflowOnPush } from './plan-from-files';
import type { RunPlan } from './run-plan';
import { enqueueSetupRun } from './setup-queue';

/** Teams this size want a reviewer to approve each deploy to `production`. */
const REVIEWED_TEAM_SIZES: readonly BuildConfig['team']['size'][] = ['medium', 'large'];

/**
 * The plain values typed in step 7, checked against the ledger: each must name a plain
 * (non-secret) entry. Empty values are left out (nothing to set).
 *
 * @throws {TRPCError} BAD_REQUEST naming what the project does not use, what is a secret, or a
 *   value that does not fit its entry's format.
 */
export function plannedVariables(
  entries: readonly LedgerEntry[],
  variables: Readonly<Record<string, string>>,
): RunPlan['variables'] {
  const ledger = new Map(entries.map((entry) => [entry.name, entry]));
  const names = Object.keys(variables);
  const unknown = names.filter((name) => !ledger.has(name));
  if (unknown.length > 0) {
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: `This project does not use ${unknown.join(', ')}.`,
    });
  }
  const secret = names.filter((name) => ledger.get(name)?.secret);
  if (secret.length > 0) {
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: `${secret.join(', ')} ${secret.length === 1 ? 'is a secret' : 'are secrets'}: seal ${secret.length === 1 ? 'it' : 'them'} in the browser instead of sending ${secret.length === 1 ? 'it' : 'them'} as plain values.`,
    });
  }
  const problems = names.flatMap((name) => {
    const entry = ledger.get(name);
    const problem = entry ? ledgerValueProblem(entry, variables[name] ?? '') : null;
    return problem ? [problem] : [];
  });
  if (problems.length > 0)
    throw new TRPCError({ code: 'BAD_REQUEST', message: problems.join(' ') });
  return names
    .filter((name) => variables[name] !== '')
    .map((name) => ({ name, value: variables[name] ?? '' }));
}

/** The plan of a run: the preflight-approved optional steps plus what the ledger and files need. */
export function planRun(
  config: BuildConfig,
  plan: SetupPlan,
  preflightPlan: SetupPlan,
  variables: Readonly<Record<string, string>> = {},
): RunPlan {
  const { files, ledger } = generate(config);
  return {
    branchProtection: plan.branchProtection && preflightPlan.branchProtection,
    secretNames: ledger.filter((entry) => entry.secret).map((entry) => entry.name),
    variables: plannedVariables(ledger, variables),
    requiredReviewers: REVIEWED_TEAM_SIZES.includes(config.team.size),
    requiredChecks: requiredChecksOf(files),
    firstRun: startsWorkflowOnPush(files),
  };
}

/** Steps the plan leaves out are recorded as skipped from the start. */
export function skippedSteps(plan: RunPlan): Set<SetupStepId> {
  const skipped = new Set<SetupStepId>();
  if (!plan.branchProtection) skipped.add('github:branch:protect');
  if (plan.secretNames.length === 0) skipped.add('github:secrets:store');
  if (plan.variables.length === 0) skipped.add('github:variables:set');
  if (!plan.firstRun) skipped.add('github:workflow:await-first-run');
  return skipped;
}

/**
 * Creates (or takes over the draft) project in `setting_up`, its run and steps, the audit
 * entry and the run's job, in one transaction. Without a queue (some tests) the run stays
 * queued for a worker process's sweep.
 */
export async function createSetupRun(
  db: Db,
  queue: JobQueue | null,
  input: {
    userId: string;
    target: RepoTarget;
    config: BuildConfig;
    projectId?: string;
    plan: RunPlan;
    meta: RequestMeta;
  },
): Promise<{ runId: string; projectId: string }> {
  const skipped = skippedSteps(input.plan);
  // PGlite has one connection: inside the transaction, only `trx` may be used.
  return db.transaction().execute(async (trx) => {
    let projectId: string;
    const fields = {
      name: input.target.name,
      config: input.config as Record<string, unknown>,
      configSchemaVersion: input.config.schemaVersion,
    };
    if (input.projectId) {
      const project = await markProjectSettingUp(trx, input.userId, input.projectId, fields);
      if (!project) {
        throw new TRPCError({
          code: 'NOT_FOUND',
          message: 'No such draft project (it may already be set up).',
        });
      }
      projectId = project.id;
    } else {
      const project = await createProject(trx, input.userId, fields);
      await setProjectStatus(trx, input.userId, project.id, 'setting_up');
      projectId = project.id;
    }
    const run = await insertSetupRun(trx, {
      projectId,
      userId: input.userId,
      repoOwner: input.target.owner,
      repoName: input.target.name,
      visibility: input.target.visibility,
      plan: { ...input.plan },
      steps: SETUP_STEP_IDS.map((id) => ({ name: id, skipped: skipped.has(id) })),
    });
    await auditFor(trx, { userId: input.userId, meta: input.meta })(
      'setup.started',
      { runId: run.id, repo: `${input.target.owner}/${input.target.name}` },
      { projectId },
    );
    if (queue) await enqueueSetupRun(queue, run.id, { trx });
    return { runId: run.id, projectId };
  });
}
