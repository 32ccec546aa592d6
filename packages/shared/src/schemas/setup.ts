import { z } from 'zod';
import { buildConfigSchema } from './build-config';
import { projectNameSchema } from './project-name';
import { ledgerNameSchema } from './runtime-ledger';

// The auto-setup contract (SPEC §2 J3, §6) between the wizard's steps 7–8 and the API.

/** A GitHub user or organisation login. */
export const githubLoginSchema = z
  .string()
  .min(1, 'is required')
  .max(39, 'must be at most 39 characters')
  .regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/, 'is not a valid GitHub login');

export const REPO_VISIBILITIES = ['public', 'private'] as const;
export type RepoVisibility = (typeof REPO_VISIBILITIES)[number];

/** Where the repository goes: its owner (the user or one of their orgs), name and visibility. */
export const repoTargetSchema = z.object({
  owner: githubLoginSchema,
  name: projectNameSchema,
  visibility: z.enum(REPO_VISIBILITIES),
});
export type RepoTarget = z.infer<typeof repoTargetSchema>;

/**
 * The plain ledger values typed in step 7, by name: set as `production` environment
 * variables. Not secrets, but never logged either.
 */
export const ledgerVariablesSchema = z
  .record(ledgerNameSchema, z.string().max(4000))
  .refine((values) => Object.keys(values).length <= 100, { message: 'at most 100 values' });

export const preflightInputSchema = z.object({
  target: repoTargetSchema,
  config: buildConfigSchema,
  /** What step 7 holds values for: secret names (sealed later) and plain values. */
  provided: z
    .object({
      secrets: z.array(ledgerNameSchema).max(200).default([]),
      variables: ledgerVariablesSchema.default({}),
    })
    .prefault({}),
});
export type PreflightInput = z.input<typeof preflightInputSchema>;

export const PREFLIGHT_CHECK_IDS = [
  'token_scopes',
  'repo_name',
  'repo_available',
  'owner_permission',
  'branch_protection',
  /** Every required ledger name has a value (or a later step supplies it). */
  'runtime_config',
] as const;
export type PreflightCheckId = (typeof PREFLIGHT_CHECK_IDS)[number];
export type PreflightStatus = 'pass' | 'warn' | 'fail';

/** One preflight check: `warn` adjusts the plan (skips a step), `fail` blocks the setup. */
export interface PreflightCheck {
  id: PreflightCheckId;
  status: PreflightStatus;
  title: string;
  /** Why it passed, warned or failed, in words for the user. */
  reason: string;
  /** What the user can do about a warning or failure. */
  fix?: string;
}

/** Which optional steps will run; preflight decides, the run records it. */
export const setupPlanSchema = z.object({
  branchProtection: z.boolean(),
});
export type SetupPlan = z.infer<typeof setupPlanSchema>;

export interface PreflightResult {
  /** No check failed: setup may start with `plan`. */
  ok: boolean;
  checks: PreflightCheck[];
  plan: SetupPlan;
}

export const startSetupInputSchema = z.object({
  target: repoTargetSchema,
  config: buildConfigSchema,
  /** A saved draft to turn into the project; a new project is created otherwise. */
  projectId: z.uuid().optional(),
  plan: setupPlanSchema,
  /** Plain ledger values to set as `production` environment variables. */
  variables: ledgerVariablesSchema.default({}),
});
export type StartSetupInput = z.input<typeof startSetupInputSchema>;

/**
 * The setup steps in the order a run takes them. Ids read `provider:entity:verb` (the
 * scaffolder-action convention) and are identities: they are stored in `setup_steps.name`
 * and name each step module in `apps/api/src/setup-steps/`.
 */
export const SETUP_STEP_IDS = [
  'github:repo:create',
  'github:files:commit',
  'github:environment:create',
  'github:secrets:store',
  'github:variables:set',
  'github:webhook:create',
  'github:branch:protect',
  'github:workflow:await-first-run',
] as const;
export type SetupStepId = (typeof SETUP_STEP_IDS)[number];

/** What the browser calls each step. */
export const SETUP_STEP_TITLES: Record<SetupStepId, string> = {
  'github:repo:create': 'Create the repository',
  'github:files:commit': 'Commit the generated files',
  'github:environment:create': 'Create the production environment',
  'github:secrets:store': 'Store the secrets in the production environment',
  'github:variables:set': 'Set the production environment variables',
  'github:webhook:create': 'Register the webhook',
  'github:branch:protect': 'Protect the default branch',
  'github:workflow:await-first-run': 'Wait for the first workflow run',
};

/** An Actions secret name as GitHub accepts it. */
export const secretNameSchema = z
  .string()
  .regex(/^[A-Z_][A-Z0-9_]*$/, 'must be upper-case letters, digits and _')
  .refine((name) => !name.startsWith('GITHUB_'), { message: 'must not start with GITHUB_' })
  .max(100);

/**
 * Secrets sealed in the browser (libsodium sealed box, base64) with the `production`
 * environment's public key
 * `keyId`: the server only ever sees ciphertext. An empty list skips the step.
 */
export const provideSecretsInputSchema = z.object({
  runId: z.uuid(),
  keyId: z.string().min(1).max(200),
  secrets: z
    .array(
      z.object({
        name: secretNameSchema,
        encryptedValue: z
          .base64()
          .min(1)
          .max(64 * 1024),
      }),
    )
    .max(100),
});
export type ProvideSecretsInput = z.input<typeof provideSecretsInputSchema>;

export const setupRunIdSchema = z.object({ runId: z.uuid() });

export const rollbackSetupInputSchema = z.object({
  runId: z.uuid(),
  /** Deleting the repository is irreversible: the user confirms by typing its full name. */
  confirmRepoFullName: z.string().max(200).optional(),
});

/** Where a setup run stands; the `setup_runs` table's check constraint lists the same. */
export const SETUP_RUN_STATUSES = [
  'queued',
  'running',
  /** Paused for the browser (the sealed secrets need the new repo's public key). */
  'waiting',
  'succeeded',
  'failed',
  /** Every retry spent: a person has to look (retry or roll back). */
  'dead',
  'rolling_back',
  'rolled_back',
] as const;
/** Where a setup run stands. */
export type SetupRunStatus = (typeof SETUP_RUN_STATUSES)[number];

/** Runs that will not change any more unless a person acts: the progress stream ends on them. */
export const FINISHED_SETUP_RUN_STATUSES: readonly SetupRunStatus[] = [
  'succeeded',
  'failed',
  'dead',
  'rolled_back',
];

/** Where one step of a setup run stands; the `setup_steps` table's check constraint lists the same. */
export const SETUP_STEP_STATUSES = [
  'pending',
  'running',
  'waiting',
  'succeeded',
  'failed',
  'skipped',
  'rolled_back',
] as const;
/** Where one step of a setup run stands. */
export type SetupStepStatus = (typeof SETUP_STEP_STATUSES)[number];
