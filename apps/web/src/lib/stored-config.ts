import { type BuildConfig, buildConfigSchema, upgradeBuildConfig } from '@botsmith/shared';

/**
 * A project's stored config brought up to the current schema and validated, or `null` when
 * this Botsmith cannot read it (a newer schema version, a draft still incomplete).
 */
export function storedConfigOf(project: {
  config: unknown;
  configSchemaVersion: number;
}): BuildConfig | null {
  try {
    const parsed = buildConfigSchema.safeParse(
      upgradeBuildConfig(project.config, project.configSchemaVersion).config,
    );
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
