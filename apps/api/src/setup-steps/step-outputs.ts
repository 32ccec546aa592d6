import type { SetupStepId } from '@botsmith/shared';
import { z } from 'zod';

// Each step's output schema, apart from the steps so that the step context can type
// `outputOf(id)` without importing the steps that use it.

export const githubBranchProtectOutput = z.object({
  branch: z.string(),
  /** The status checks merging needs (the CI jobs that run on pull requests). */
  contexts: z.array(z.string()),
});

export const githubEnvironmentCreateOutput = z.object({
  environment: z.string(),
  /** The one branch allowed to deploy to it. */
  branch: z.string(),
  /** Whether each deploy waits for the user's approval (GitHub may refuse it on the plan). */
  requiredReviewers: z.boolean(),
});

export const githubVariablesSetOutput = z.object({
  /** The names set (values are not kept here). */
  set: z.array(z.string()),
});

export const githubFilesCommitOutput = z.object({
  commitSha: z.string(),
  /** Absent when the branch already held our tree (nothing was committed). */
  parentSha: z.string().optional(),
  treeSha: z.string(),
  fileCount: z.number().int(),
});

export const githubRepoCreateOutput = z.object({
  repoId: z.number().int(),
  fullName: z.string(),
  htmlUrl: z.string(),
  defaultBranch: z.string(),
  /** Found already there on a rerun (created before a crash) rather than created now. */
  adopted: z.boolean(),
});

export const githubSecretsStoreOutput = z.object({
  /** The names stored as `production` environment secrets (values never leave the browser unsealed). */
  stored: z.array(z.string()),
});

export const githubWebhookCreateOutput = z.object({
  hookId: z.number().int().positive(),
  url: z.string(),
});

export const githubWorkflowAwaitFirstRunOutput = z.object({
  waitingSince: z.number(),
  /** The run shown: a failed one if any, else the first; `null` when none started in time. */
  runId: z.number().int().nullable(),
  workflowName: z.string().nullable(),
  /** GitHub's run status, or `timed_out` when no run was seen before the deadline. */
  status: z.string(),
  conclusion: z.string().nullable(),
  htmlUrl: z.string().nullable(),
  failingJob: z.string().nullable(),
});

/** Every step's output schema by step id. */
export const SETUP_STEP_OUTPUTS = {
  'github:branch:protect': githubBranchProtectOutput,
  'github:environment:create': githubEnvironmentCreateOutput,
  'github:files:commit': githubFilesCommitOutput,
  'github:repo:create': githubRepoCreateOutput,
  'github:secrets:store': githubSecretsStoreOutput,
  'github:variables:set': githubVariablesSetOutput,
  'github:webhook:create': githubWebhookCreateOutput,
  'github:workflow:await-first-run': githubWorkflowAwaitFirstRunOutput,
} satisfies Record<SetupStepId, z.ZodType>;

/** What step `Id` outputs (its row's `output` once it succeeded). */
export type SetupStepOutput<Id extends SetupStepId> = z.output<(typeof SETUP_STEP_OUTPUTS)[Id]>;
