import type { Db, Project, SetupRun } from '@botsmith/db';
import type { GeneratedFile } from '@botsmith/generators';
import type { SetupStepName } from '@botsmith/shared';
import type { FastifyBaseLogger } from 'fastify';
import type { Octokit } from 'octokit';
import type { Cipher } from '../crypto/cipher';

/** How patient setup is; tests shorten these. */
export interface SetupTimings {
  /** A worker's lease on a run; renewed every third of it while the run executes. */
  leaseTtlMs: number;
  /** How often the sweep looks for runs whose worker died. */
  sweepIntervalMs: number;
  /** GitHub calls inside a step: tries and first backoff before the job itself is retried. */
  tries: number;
  retryBaseDelayMs: number;
  /** Longest `retry-after` honoured inside a step; longer waits are left to the job queue. */
  maxRetryDelayMs: number;
  /** How long `first_run` follows the first workflow run, and its first poll interval. */
  firstRunTimeoutMs: number;
  firstRunPollMs: number;
}

export const DEFAULT_SETUP_TIMINGS: SetupTimings = {
  leaseTtlMs: 10_000,
  sweepIntervalMs: 3_000,
  tries: 4,
  retryBaseDelayMs: 500,
  maxRetryDelayMs: 60_000,
  firstRunTimeoutMs: 10 * 60_000,
  firstRunPollMs: 1_000,
};

/** The plan a run records: which optional steps run and what the steps need to know. */
export interface RunPlan {
  branchProtection: boolean;
  secretNames: string[];
  requiredChecks: string[];
  firstRun: boolean;
}

/** What a step gets: the run, its project, the user's GitHub client and its own checkpoint. */
export interface StepContext {
  db: Db;
  run: SetupRun;
  plan: RunPlan;
  project: Project;
  octokit: Octokit;
  cipher: Cipher;
  publicUrl: string;
  timings: SetupTimings;
  signal: AbortSignal;
  log: FastifyBaseLogger;
  /** The generated files (computed once per job). */
  files: () => GeneratedFile[];
  /** The step's checkpoint as last saved, and the outputs of the steps before it. */
  output: Record<string, unknown>;
  outputs: Partial<Record<SetupStepName, Record<string, unknown>>>;
  /** Saves the checkpoint now, before the next side effect (merged into `output`). */
  checkpoint(partial: Record<string, unknown>): Promise<void>;
  /** A GitHub call with transient-error retries. */
  github<T>(call: () => Promise<T>): Promise<T>;
}

/** A finished step, or one paused for the browser (`waiting`). */
export interface StepResult {
  status: 'succeeded' | 'waiting';
  message: string;
  output?: Record<string, unknown>;
}

/** One setup step: idempotent, so running it again after a crash finds what it already did. */
export interface SetupStep {
  name: SetupStepName;
  run(ctx: StepContext): Promise<StepResult>;
}
