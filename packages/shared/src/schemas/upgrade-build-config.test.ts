import { describe, expect, it } from 'vitest';
import {
  BUILD_CONFIG_SCHEMA_VERSION,
  buildConfigDraftSchema,
  buildConfigSchema,
} from './build-config';
import {
  UnsupportedSchemaVersionError,
  upgradableBuildConfigSchema,
  upgradeBuildConfig,
} from './upgrade-build-config';
import { formatConfigIssues } from './wizard';

// A version-1 config as the API stored it: parsed, so every field is present.
const storedV1 = {
  schemaVersion: 1,
  platforms: ['telegram'],
  features: ['commands', 'sessions', 'health'],
  project: { name: 'old-bot', displayName: 'Old Bot' },
  runtime: { nodeVersion: '20', packageManager: 'pnpm' },
  sessions: { store: 'redis', ttlSeconds: 3600 },
};

describe('upgradeBuildConfig', () => {
  it('is at version 2', () => {
    expect(BUILD_CONFIG_SCHEMA_VERSION).toBe(2);
  });

  it('moves a version-1 config on Node 20 to Node 22, with a note to show', () => {
    const { config, fromVersion, notes } = upgradeBuildConfig(storedV1);
    expect(fromVersion).toBe(1);
    expect(config).toEqual({
      ...storedV1,
      schemaVersion: 2,
      runtime: { nodeVersion: '22', packageManager: 'pnpm' },
    });
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/Node 20 reached end of life.*Node 22/);
    const parsed = buildConfigSchema.parse(config);
    expect(parsed.runtime).toEqual({ nodeVersion: '22', packageManager: 'pnpm' });
    expect(parsed.sessions.store).toBe('redis');
  });

  it('leaves the input untouched', () => {
    const before = JSON.parse(JSON.stringify(storedV1));
    upgradeBuildConfig(storedV1);
    expect(storedV1).toEqual(before);
  });

  it('keeps a version-1 choice of Node 22 or 24 without a note', () => {
    for (const nodeVersion of ['22', '24']) {
      const { config, notes } = upgradeBuildConfig({ ...storedV1, runtime: { nodeVersion } });
      expect(notes).toEqual([]);
      expect(buildConfigSchema.parse(config).runtime.nodeVersion).toBe(nodeVersion);
    }
  });

  it("keeps version 1's default of Node 22 where the config left it to the default", () => {
    const { config, notes } = upgradeBuildConfig({ schemaVersion: 1, platforms: ['telegram'] });
    expect(notes).toEqual([]);
    expect(buildConfigSchema.parse(config).runtime.nodeVersion).toBe('22');
    // Today's default is 24: the same file without a version means the current schema.
    expect(buildConfigSchema.parse({ platforms: ['telegram'] }).runtime.nodeVersion).toBe('24');
  });

  it('takes the version a row was stored with over the one in the config', () => {
    const { config, fromVersion } = upgradeBuildConfig(
      { ...storedV1, schemaVersion: undefined },
      1,
    );
    expect(fromVersion).toBe(1);
    expect(buildConfigSchema.parse(config).runtime.nodeVersion).toBe('22');
  });

  it('returns a current config as it is, and reads a config without a version as current', () => {
    const current = buildConfigSchema.parse({ platforms: ['slack'] });
    expect(upgradeBuildConfig(current)).toEqual({ config: current, fromVersion: 2, notes: [] });
    const unversioned = { platforms: ['slack'], runtime: { nodeVersion: '20' } };
    expect(upgradeBuildConfig(unversioned)).toEqual({
      config: unversioned,
      fromVersion: 2,
      notes: [],
    });
    // So Node 20 without a version is refused by name rather than silently moved.
    const result = buildConfigSchema.safeParse(unversioned);
    expect(result.success).toBe(false);
    expect(result.error && formatConfigIssues(result.error)[0]?.path).toBe('runtime.nodeVersion');
  });

  it('upgrades drafts, which the checks across fields do not yet hold', () => {
    const { config } = upgradeBuildConfig({ schemaVersion: 1, features: ['ai'] });
    expect(buildConfigSchema.safeParse(config).success).toBe(false);
    expect(buildConfigDraftSchema.parse(config)).toMatchObject({
      schemaVersion: 2,
      features: ['ai'],
      runtime: { nodeVersion: '22' },
    });
  });

  it('leaves fields it cannot read for the schema to name', () => {
    const { config } = upgradeBuildConfig({ schemaVersion: 1, runtime: 'fast' });
    const result = buildConfigSchema.safeParse(config);
    expect(result.error && formatConfigIssues(result.error)[0]?.path).toBe('runtime');
    expect(upgradeBuildConfig('not a config', 1).config).toBe('not a config');
  });

  it('refuses a version from a newer Botsmith, saying so', () => {
    expect(() => upgradeBuildConfig({ ...storedV1, schemaVersion: 3 })).toThrow(
      UnsupportedSchemaVersionError,
    );
    expect(() => upgradeBuildConfig(storedV1, 3)).toThrow(
      /schema version 3, written by a newer Botsmith; this one reads versions 1 to 2/,
    );
  });

  it.each([0, -1, 1.5, '1', null])('refuses %j as a version', (version) => {
    expect(() => upgradeBuildConfig({ schemaVersion: version })).toThrow(
      /is not a configuration schema version/,
    );
  });
});

describe('upgradableBuildConfigSchema', () => {
  it('validates a version-1 config after upgrading it', () => {
    const config = upgradableBuildConfigSchema.parse(storedV1);
    expect(config.schemaVersion).toBe(2);
    expect(config.runtime.nodeVersion).toBe('22');
  });

  it('is buildConfigSchema for current input', () => {
    expect(upgradableBuildConfigSchema.parse({})).toEqual(buildConfigSchema.parse({}));
    expect(upgradableBuildConfigSchema.parse({ runtime: { nodeVersion: '26' } })).toEqual(
      buildConfigSchema.parse({ runtime: { nodeVersion: '26' } }),
    );
  });

  it('names schemaVersion when the version cannot be read, and stops there', () => {
    const result = upgradableBuildConfigSchema.safeParse({ schemaVersion: 9, nope: true });
    expect(result.success).toBe(false);
    const issues = result.error ? formatConfigIssues(result.error) : [];
    expect(issues).toEqual([
      expect.objectContaining({
        path: 'schemaVersion',
        message: expect.stringMatching(/schema version 9, written by a newer Botsmith/),
      }),
    ]);
  });

  it('still names the field of a problem after an upgrade', () => {
    const result = upgradableBuildConfigSchema.safeParse({ ...storedV1, platforms: [] });
    expect(result.error && formatConfigIssues(result.error)[0]?.path).toBe('platforms');
  });
});
