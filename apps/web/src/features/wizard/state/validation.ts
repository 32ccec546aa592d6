import {
  type BuildConfig,
  buildConfigSchema,
  type ConfigIssue,
  configurationStepSchema,
  featuresStepSchema,
  formatConfigIssues,
  platformStepSchema,
  prioritiesStepSchema,
  WIZARD_STEPS,
} from '@botsmith/shared';
import type { z } from 'zod';

const STEP_SCHEMAS: Partial<Record<number, z.ZodType>> = {
  1: platformStepSchema,
  2: prioritiesStepSchema,
  3: featuresStepSchema,
  4: configurationStepSchema,
};

/** The step that checks the whole configuration before generating. */
export const REVIEW_STEP = WIZARD_STEPS.find((step) => step.id === 'review')?.number ?? 5;

function pick(config: BuildConfig, keys: readonly (keyof BuildConfig)[]): Partial<BuildConfig> {
  return Object.fromEntries(keys.map((key) => [key, config[key]]));
}

/** Every problem with the whole configuration, each linked to the step that fixes it. */
export function validateConfig(config: BuildConfig): ConfigIssue[] {
  const result = buildConfigSchema.safeParse(config);
  return result.success ? [] : formatConfigIssues(result.error);
}

/**
 * The problems that keep the user on `step`: its own schema first, then the rules that span
 * steps (a feature its platforms cannot run, a missing requirement, the AI provider), which
 * `buildConfigSchema` checks. Later steps are left out so their half-finished values cannot
 * block an earlier one; the schema fills their defaults.
 */
export function validateStep(config: BuildConfig, step: number): ConfigIssue[] {
  if (step === REVIEW_STEP) return validateConfig(config);
  const info = WIZARD_STEPS.find((candidate) => candidate.number === step);
  const schema = STEP_SCHEMAS[step];
  if (!info || !schema) return [];
  const own = schema.safeParse(pick(config, info.keys));
  if (!own.success) return formatConfigIssues(own.error);
  const soFar = WIZARD_STEPS.filter((candidate) => candidate.number <= step).flatMap((s) => s.keys);
  const whole = buildConfigSchema.safeParse(pick(config, soFar));
  return whole.success ? [] : formatConfigIssues(whole.error).filter((i) => i.step === step);
}

/** The messages for one field (`project.name`) or list item (`features.2`). */
export function messagesAt(issues: readonly ConfigIssue[], path: string): string[] {
  return issues.filter((issue) => issue.path === path).map((issue) => issue.message);
}
