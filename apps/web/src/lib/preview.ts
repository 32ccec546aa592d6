import { GENERATOR_VERSION, type GeneratedProject, generate } from '@botsmith/generators';
import {
  type BuildConfig,
  buildConfigSchema,
  type ConfigIssue,
  formatConfigIssues,
} from '@botsmith/shared';

/**
 * The outcome of generating in the browser: the files with the runtime ledger and the next
 * steps (steps 7 and 8 read them), or the problems that prevent it.
 */
export type Preview =
  | ({ ok: true; generatorVersion: string } & GeneratedProject)
  | { ok: false; issues: ConfigIssue[] };

/**
 * Generates the project in the browser with the same generator the server and CLI use, so
 * the preview follows every option change instantly. Never throws for a bad config.
 */
export function previewProject(input: BuildConfig): Preview {
  const parsed = buildConfigSchema.safeParse(input);
  if (!parsed.success) return { ok: false, issues: formatConfigIssues(parsed.error) };
  return { ok: true, ...generate(parsed.data), generatorVersion: GENERATOR_VERSION };
}
