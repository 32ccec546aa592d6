import { BUILD_CONFIG_SCHEMA_VERSION, buildConfigSchema } from '@botsmith/shared';
import { describe, expect, test } from 'vitest';
import { storedConfigOf } from './stored-config';

describe('storedConfigOf', () => {
  test('reads a current config as is', () => {
    const config = buildConfigSchema.parse({ deploy: { target: 'render' } });
    expect(
      storedConfigOf({ config, configSchemaVersion: BUILD_CONFIG_SCHEMA_VERSION })?.deploy,
    ).toEqual({ target: 'render' });
  });

  test('gives null for a config it cannot read instead of throwing', () => {
    const config = buildConfigSchema.parse({});
    expect(
      storedConfigOf({ config, configSchemaVersion: BUILD_CONFIG_SCHEMA_VERSION + 1 }),
    ).toBeNull();
    expect(
      storedConfigOf({
        config: { platforms: [] },
        configSchemaVersion: BUILD_CONFIG_SCHEMA_VERSION,
      }),
    ).toBeNull();
  });
});
