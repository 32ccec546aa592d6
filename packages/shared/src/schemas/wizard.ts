import type { z } from 'zod';
import type { BuildConfig } from './build-config';

type ConfigKey = keyof BuildConfig;

/** The eight wizard steps (SPEC §4) in order; a registry of steps is a `Record<WizardStepId, …>`. */
export const WIZARD_STEP_IDS = [
  'platform',
  'priorities',
  'features',
  'configuration',
  'review',
  'generate',
  'auto-setup',
  'complete',
] as const;
/** A wizard step's id. */
export type WizardStepId = (typeof WIZARD_STEP_IDS)[number];

/** One wizard step as the wizard and `catalog.get` describe it. */
export interface WizardStep {
  /** Its place in the wizard, from 1. */
  number: number;
  id: WizardStepId;
  title: string;
  /** The `BuildConfig` keys this step edits; review links errors on them back here. */
  keys: readonly ConfigKey[];
  requiresSignIn: boolean;
}

// By id, so a step missing here does not compile; the order and numbers come from the ids.
const STEP_DETAILS: Record<WizardStepId, Omit<WizardStep, 'number' | 'id'>> = {
  platform: { title: 'Platform', keys: ['platforms'], requiresSignIn: false },
  priorities: { title: 'Priorities', keys: ['priorities'], requiresSignIn: false },
  features: { title: 'Features', keys: ['features', 'ai'], requiresSignIn: false },
  configuration: {
    title: 'Configuration',
    keys: ['project', 'runtime', 'sessions', 'deploy', 'automation', 'team'],
    requiresSignIn: false,
  },
  review: { title: 'Review', keys: [], requiresSignIn: false },
  generate: { title: 'Generate', keys: [], requiresSignIn: false },
  'auto-setup': { title: 'Auto-setup', keys: [], requiresSignIn: true },
  complete: { title: 'Complete', keys: [], requiresSignIn: true },
};

/**
 * The eight wizard steps (SPEC §4) in order, numbered from 1.
 *
 * @example WIZARD_STEPS.find((step) => step.id === 'review')?.number // 5
 */
export const WIZARD_STEPS: readonly WizardStep[] = WIZARD_STEP_IDS.map((id, index) => ({
  number: index + 1,
  id,
  ...STEP_DETAILS[id],
}));

/** One validation problem, named by its dotted field path and linked to its wizard step. */
export interface ConfigIssue {
  path: string;
  message: string;
  /** The wizard step that edits the field, or `null` for top-level problems. */
  step: number | null;
}

/**
 * Flattens a zod error on a `BuildConfig` into `field: message` issues.
 *
 * @example formatConfigIssues(error).map((i) => `${i.path}: ${i.message}`)
 */
export function formatConfigIssues(error: z.ZodError): ConfigIssue[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.') || '(config)';
    const [head] = issue.path;
    const step = WIZARD_STEPS.find((s) => s.keys.some((key) => key === head));
    return { path, message: issue.message, step: step?.number ?? null };
  });
}
