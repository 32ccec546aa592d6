import type { SetupStepId } from '@botsmith/shared';
import { githubBranchProtectStep } from './github-branch-protect';
import { githubEnvironmentCreateStep } from './github-environment-create';
import { githubFilesCommitStep } from './github-files-commit';
import { githubRepoCreateStep } from './github-repo-create';
import { githubSecretsStoreStep } from './github-secrets-store';
import { githubVariablesSetStep } from './github-variables-set';
import { githubWebhookCreateStep } from './github-webhook-create';
import { githubWorkflowAwaitFirstRunStep } from './github-workflow-await-first-run';
import type { SetupStep } from './setup-step';
import type { SetupStepOutput } from './step-outputs';

/**
 * Every setup step by id (`SETUP_STEP_IDS` in shared gives their order): the compiler proves
 * each id has its step, and each step's output type follows from its schema.
 */
export const SETUP_STEPS = {
  'github:repo:create': githubRepoCreateStep,
  'github:files:commit': githubFilesCommitStep,
  'github:environment:create': githubEnvironmentCreateStep,
  'github:secrets:store': githubSecretsStoreStep,
  'github:variables:set': githubVariablesSetStep,
  'github:webhook:create': githubWebhookCreateStep,
  'github:branch:protect': githubBranchProtectStep,
  'github:workflow:await-first-run': githubWorkflowAwaitFirstRunStep,
} satisfies { [Id in SetupStepId]: SetupStep<Id> };

export type { SetupStepOutput };

/** The step a stored step row names, or `undefined` for a name no step has. */
export function setupStepOf(name: string): SetupStep<SetupStepId> | undefined {
  return Object.hasOwn(SETUP_STEPS, name) ? SETUP_STEPS[name as SetupStepId] : undefined;
}

/** Parses a stored output with step `id`'s schema; `undefined` when it does not fit. */
export function parseStepOutput<Id extends SetupStepId>(
  id: Id,
  stored: unknown,
): SetupStepOutput<Id> | undefined {
  const parsed = SETUP_STEPS[id].output.safeParse(stored);
  return parsed.success ? (parsed.data as SetupStepOutput<Id>) : undefined;
}
