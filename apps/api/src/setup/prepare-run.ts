import { findProject, getSetupRunForWorker, type Project, type SetupRun } from '@botsmith/db';
import { type GeneratedFile, generate } from '@botsmith/generators';
import { upgradableBuildConfigSchema } from '@botsmith/shared';
import type { FastifyBaseLogger } from 'fastify';
import type { Services } from '../services';
import { type RunPlan, runPlanOf } from './run-plan';
import { SetupError } from './setup-error';
import type { SetupTimings } from './setup-timings';

/** What executing a run needs (the worker's dependencies). */
export type RunSetupDeps = Pick<
  Services,
  'db' | 'cipher' | 'github' | 'publicUrl' | 'log' | 'addLockfile'
> & {
  timings: SetupTimings;
};

/** A run ready for its steps: read once per job, shared by every step it runs. */
export interface PreparedRun {
  deps: RunSetupDeps;
  run: SetupRun;
  project: Project;
  plan: RunPlan;
  /** The generated files, computed on first use. */
  files(): GeneratedFile[];
  /** Aborts when the lease is lost. */
  signal: AbortSignal;
  /** Tagged with `runId`. */
  log: FastifyBaseLogger;
}

/**
 * Reads the run, its project and the user's GitHub token, and plans the files.
 *
 * @throws {SetupError} when the project is gone or Botsmith holds no usable token.
 */
export async function prepareRun(
  deps: RunSetupDeps,
  runId: string,
  signal: AbortSignal,
): Promise<PreparedRun | undefined> {
  const run = await getSetupRunForWorker(deps.db, runId);
  if (!run) return undefined;
  const project = await findProject(deps.db, run.userId, run.projectId);
  if (!project) throw new SetupError('The project no longer exists.');
  // The row's configSchemaVersion is the version the config was stored with: an older one is
  // upgraded (Node 20 becomes 22) before it is validated and generated from.
  const config = upgradableBuildConfigSchema.safeParse({
    ...project.config,
    schemaVersion: project.configSchemaVersion,
  });
  let files: GeneratedFile[] | undefined;
  return {
    deps,
    run,
    project,
    plan: runPlanOf(run),
    files: () => {
      if (!config.success) throw new SetupError('The stored configuration is no longer valid.');
      files ??= generate(config.data).files;
      return files;
    },
    signal,
    log: deps.log.child({ runId }),
  };
}
