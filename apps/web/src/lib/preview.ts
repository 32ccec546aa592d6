import { GENERATOR_VERSION, type GeneratedFile, generate } from '@botsmith/generators';
import {
  type BuildConfig,
  buildConfigSchema,
  type ConfigIssue,
  formatConfigIssues,
} from '@botsmith/shared';

/** The outcome of generating in the browser: the files, or the problems that prevent it. */
export type Preview =
  | { ok: true; files: GeneratedFile[]; generatorVersion: string }
  | { ok: false; issues: ConfigIssue[] };

/**
 * Generates the project in the browser with the same generator the server and CLI use, so
 * the preview follows every option change instantly. Never throws for a bad config.
 */
export function previewProject(input: BuildConfig): Preview {
  const parsed = buildConfigSchema.safeParse(input);
  if (!parsed.success) return { ok: false, issues: formatConfigIssues(parsed.error) };
  return { ok: true, files: generate(parsed.data).files, generatorVersion: GENERATOR_VERSION };
}
