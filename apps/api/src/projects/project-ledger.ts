import type { Project } from '@botsmith/db';
import { generate } from '@botsmith/generators';
import {
  type BuildConfig,
  type RuntimeLedger,
  upgradableBuildConfigSchema,
} from '@botsmith/shared';

/**
 * A stored project's config, upgraded from the schema version it was saved with (Node 20
 * becomes 22) and validated; `null` when it no longer validates.
 */
export function projectConfigOf(
  project: Pick<Project, 'config' | 'configSchemaVersion'>,
): BuildConfig | null {
  const parsed = upgradableBuildConfigSchema.safeParse({
    ...project.config,
    schemaVersion: project.configSchemaVersion,
  });
  return parsed.success ? parsed.data : null;
}

/** Every variable the project's generated code and workflows use, as the generator lists them. */
export function ledgerOfConfig(config: BuildConfig): RuntimeLedger {
  return generate(config).ledger;
}
