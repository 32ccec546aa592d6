import type { Db, Project, SetupRun } from '@botsmith/db';
import type { GeneratedFile } from '@botsmith/generators';
import type { SetupStepId } from '@botsmith/shared';
import type { FastifyBaseLogger } from 'fastify';
import type { Octokit } from 'octokit';
import type { z } from 'zod';
import type { Cipher } from '../crypto/cipher';
import type { RunPlan } from '../setup/run-plan';
import type { SetupTimings } from '../setup/setup-timings';
import type { SetupStepOutput } from './step-outputs';

/** What a rollback did; `repo.settingsUrl` is where the user deletes it themselves. */
export interface RollbackResult {
  webhookDeleted: boolean;
  repo:
    | { status: 'deleted' }
    | { status: 'kept' }
    | { status: 'refused'; message: string; settingsUrl: string };
}

/** The repository a run sets up, named once for every step. */
export interface StepRepo {
  owner: string;
  name: string;
  defaultBranch: string;
}

/** What a step gets each time it runs (again, after a crash or a retry). */
export interface StepContext {
  db: Db;
  cipher: Cipher;
  /** The origin GitHub reaches us at. */
  publicUrl: string;
  timings: SetupTimings;
  run: SetupRun;
  /** The run's project, read again as the step starts (earlier steps change it). */
  project: Project;
  plan: RunPlan;
  /**
   * The repository: GitHub's name for it once `github:repo:create` has run, the run's target
   * before (whose default branch nobody knows yet: `main`, what `auto_init` creates).
   */
  repo: StepRepo;
  /** The generated files (computed once per job), without the lockfile. */
  files(): GeneratedFile[];
  /** Adds the resolved lockfile to generated files (`Services.addLockfile`). */
  addLockfile(files: readonly GeneratedFile[]): Promise<GeneratedFile[]>;
  /** The output of an earlier step that succeeded, parsed with that step's schema. */
  outputOf<I extends SetupStepId>(id: I): SetupStepOutput<I>;
  /**
   * This step's stored state as last saved: what it handed the browser or showed while it ran
   * (`save`), and what the browser added (the sealed secrets). Replaced by the output on success.
   */
  saved: Readonly<Record<string, unknown>>;
  /** Saves fields into `saved` now (the browser sees them in the run's snapshot). */
  save(fields: Record<string, unknown>): Promise<void>;
  /**
   * Runs `fn` once per `key` for this step: when a value is stored under `key` (an earlier
   * attempt got that far), returns it without running `fn`; else stores what `fn` returns (a
   * JSON value: strings, numbers, booleans, or objects with camelCase keys, since the
   * database's `CamelCasePlugin` rewrites the keys of stored JSON) before returning it. Keys
   * are deterministic: the same work, the same key.
   */
  checkpoint<T>(key: string, fn: () => Promise<T>): Promise<T>;
  /**
   * The user's GitHub client. Transient failures are retried with backoff inside each call
   * (the step's message says so meanwhile); what escapes is `PermanentGitHubError` or, once
   * the tries are spent, `TransientGitHubError`.
   */
  github: Octokit;
  /** Tagged with `runId` and `step`. */
  log: FastifyBaseLogger;
  /** Aborts when the worker lost the run's lease (and with it, the GitHub call in flight). */
  signal: AbortSignal;
}

/** A finished step with its output, or one paused for the browser (`waiting`). */
export type StepResult<Output> =
  | { status: 'succeeded'; message: string; output: Output }
  | { status: 'waiting'; message: string };

/** What `undo` gets: the user's (plain) GitHub client and the outputs the run recorded. */
export interface UndoContext {
  db: Db;
  run: SetupRun;
  github: Octokit;
  /** A step's recorded output, or `undefined` when it has none (it never got that far). */
  outputOf<I extends SetupStepId>(id: I): SetupStepOutput<I> | undefined;
  /** The repository's full name as the user typed it to confirm deleting it. */
  confirmRepoFullName: string | undefined;
}

/** What an undo did: the step's new message, whether it is now rolled back, the result's part. */
export interface UndoOutcome {
  rolledBack: boolean;
  message: string;
  result: Partial<RollbackResult>;
}

/**
 * One setup step (a scaffolder action): idempotent, so running it again after a crash finds
 * what it already did. `run` logs its intent, looks before it creates (or checkpoints under
 * a deterministic key), logs the outcome and returns its output; a failed side effect fails
 * the step, never a warning. `undo` (for rollback) returns `null` when it has nothing to undo.
 */
export interface SetupStep<Id extends SetupStepId, Output extends z.ZodType = z.ZodType> {
  id: Id;
  description: string;
  output: Output;
  run(ctx: StepContext): Promise<StepResult<z.input<Output>>>;
  undo?(ctx: UndoContext): Promise<UndoOutcome | null>;
}
