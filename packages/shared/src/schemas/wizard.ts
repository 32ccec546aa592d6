import type { z } from 'zod';
import type { BuildConfig } from './build-config';

type ConfigKey = keyof BuildConfig;

export interface WizardStep {
  number: number;
  id: string;
  title: string;
  /** The `BuildConfig` keys this step edits; review links errors on them back here. */
  keys: readonly ConfigKey[];
  requiresSignIn: boolean;
}

/** The eight wizard steps (SPEC §4) in order. */
export const WIZARD_STEPS: readonly WizardStep[] = [
  { number: 1, id: 'platform', title: 'Platform', keys: ['platforms'], requiresSignIn: false },
  { number: 2, id: 'priorities', title: 'Priorities', keys: ['priorities'], requiresSignIn: false },
  { number: 3, id: 'features', title: 'Features', keys: ['features', 'ai'], requiresSignIn: false },
  {
    number: 4,
    id: 'configuration',
    title: 'Configuration',
    keys: ['project', 'runtime', 'sessions', 'deploy', 'automation', 'team'],
    requiresSignIn: false,
  },
  { number: 5, id: 'review', title: 'Review', keys: [], requiresSignIn: false },
  { number: 6, id: 'generate', title: 'Generate', keys: [], requiresSignIn: false },
  { number: 7, id: 'auto-setup', title: 'Auto-setup', keys: [], requiresSignIn: true },
  { number: 8, id: 'complete', title: 'Complete', keys: [], requiresSignIn: true },
];

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
