import { z } from 'zod';
import {
  BUILD_CONFIG_SCHEMA_VERSION,
  type BuildConfigInput,
  buildConfigSchema,
} from './build-config';

/** Thrown for a stored config whose schema version this Botsmith cannot read. */
export class UnsupportedSchemaVersionError extends Error {
  constructor(readonly version: unknown) {
    super(
      typeof version === 'number' &&
        Number.isInteger(version) &&
        version > BUILD_CONFIG_SCHEMA_VERSION
        ? `this configuration has schema version ${version}, written by a newer Botsmith; this one reads versions 1 to ${BUILD_CONFIG_SCHEMA_VERSION}, so update Botsmith to use it`
        : `${JSON.stringify(version)} is not a configuration schema version (expected a whole number from 1 to ${BUILD_CONFIG_SCHEMA_VERSION})`,
    );
    this.name = 'UnsupportedSchemaVersionError';
  }
}

/** A stored config brought up to the current schema version, not yet validated. */
export interface BuildConfigUpgrade {
  /**
   * The config in the current version's shape, with `schemaVersion` set to it; validate it with
   * `buildConfigSchema` (or `buildConfigDraftSchema` for a draft) as any input.
   */
  config: unknown;
  /** The version the config was stored with. */
  fromVersion: number;
  /** What the upgrade changed, in words for the user; empty when the meaning is unchanged. */
  notes: string[];
}

type Fields = Record<string, unknown>;
type Step = (config: Fields) => { config: Fields; notes: string[] };

const isRecord = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The Node majors version 1 offered; frozen, like every migration's view of the past. */
const V1_NODE_VERSIONS = ['20', '22', '24'] as const;

/**
 * 1 → 2: Node 20 reached end of life on 2026-04-30 and is no longer offered; it becomes 22, the
 * oldest Node still offered, so nothing else about the project moves. Version 1 defaulted to Node
 * 22 and version 2 defaults to 24, so a v1 config that left the choice to the default keeps 22.
 */
const v1ToV2: Step = (config) => {
  const runtime = config.runtime === undefined ? {} : config.runtime;
  // Not an object: nothing to migrate; the schema names the field when it validates.
  if (!isRecord(runtime)) return { config, notes: [] };
  const nodeVersion = runtime.nodeVersion ?? '22';
  if (nodeVersion !== '20') {
    return { config: { ...config, runtime: { ...runtime, nodeVersion } }, notes: [] };
  }
  return {
    config: { ...config, runtime: { ...runtime, nodeVersion: '22' } },
    notes: [
      'Node 20 reached end of life on 2026-04-30, so this project now uses Node 22, the oldest version Botsmith still generates for. Choose Node 24 (the default) or 26 in the Configuration step if your hosting allows.',
    ],
  };
};

/** `MIGRATIONS[n]` turns a version-n config into a version n+1 one; one entry per old version. */
const MIGRATIONS: Readonly<Record<number, Step>> = { 1: v1ToV2 };

function versionOf(config: unknown, storedVersion: number | undefined): number {
  // A config without a version is a current one: hand-written files and API calls that never
  // knew about versions mean the schema they are read with.
  const own = isRecord(config) ? config.schemaVersion : undefined;
  const version = storedVersion ?? (own === undefined ? BUILD_CONFIG_SCHEMA_VERSION : own);
  if (
    typeof version !== 'number' ||
    !Number.isInteger(version) ||
    version < 1 ||
    version > BUILD_CONFIG_SCHEMA_VERSION
  ) {
    throw new UnsupportedSchemaVersionError(version);
  }
  return version;
}

/**
 * Brings a stored `BuildConfig` of any version this Botsmith reads up to the current one, with
 * notes saying what changed. Pure: the input is not modified. The version is `storedVersion`
 * when given (a project row's `configSchemaVersion`), else the config's own `schemaVersion`,
 * else the current one. Newer or malformed versions throw `UnsupportedSchemaVersionError`.
 *
 * @example
 * const { config, notes } = upgradeBuildConfig(project.config, project.configSchemaVersion);
 * const parsed = buildConfigSchema.safeParse(config);
 * for (const note of notes) console.warn(note);
 */
export function upgradeBuildConfig(stored: unknown, storedVersion?: number): BuildConfigUpgrade {
  const fromVersion = versionOf(stored, storedVersion);
  if (fromVersion === BUILD_CONFIG_SCHEMA_VERSION || !isRecord(stored)) {
    return { config: stored, fromVersion, notes: [] };
  }
  let config: Fields = stored;
  const notes: string[] = [];
  for (let version = fromVersion; version < BUILD_CONFIG_SCHEMA_VERSION; version += 1) {
    const step = MIGRATIONS[version];
    if (!step) throw new Error(`no migration from BuildConfig schema version ${version}`);
    const result = step(config);
    config = result.config;
    notes.push(...result.notes);
  }
  return { config: { ...config, schemaVersion: BUILD_CONFIG_SCHEMA_VERSION }, fromVersion, notes };
}

type RuntimeInput = NonNullable<BuildConfigInput['runtime']>;

/** What a version-1 config looked like to a caller: the current input, Node 20 still offered. */
export type BuildConfigV1Input = Omit<BuildConfigInput, 'schemaVersion' | 'runtime'> & {
  schemaVersion: 1;
  runtime?: Omit<RuntimeInput, 'nodeVersion'> & {
    nodeVersion?: (typeof V1_NODE_VERSIONS)[number];
  };
};

/**
 * `buildConfigSchema` for input that may be an older version (a saved `bot.json`, an SDK call
 * written before an upgrade): upgrades it with `upgradeBuildConfig`, then validates it. An
 * unreadable `schemaVersion` is an issue on that field. Upgrade notes are dropped; callers that
 * show them use `upgradeBuildConfig` themselves.
 *
 * @example upgradableBuildConfigSchema.parse({ schemaVersion: 1, runtime: { nodeVersion: '20' } })
 */
export const upgradableBuildConfigSchema = z.preprocess(
  (input: BuildConfigInput | BuildConfigV1Input, ctx) => {
    try {
      return upgradeBuildConfig(input).config;
    } catch (error) {
      if (!(error instanceof UnsupportedSchemaVersionError)) throw error;
      ctx.addIssue({ code: 'custom', path: ['schemaVersion'], message: error.message, input });
      return input;
    }
  },
  buildConfigSchema,
);
