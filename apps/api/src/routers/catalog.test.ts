import { describeEachDatabase } from '@botsmith/db/testing';
import {
  BUILD_CONFIG_SCHEMA_VERSION,
  FEATURES,
  PLATFORMS,
  PRIORITIES,
  WIZARD_STEPS,
} from '@botsmith/shared';
import { expect, test } from 'vitest';
import { createTestCaller } from '../testing/test-server';

describeEachDatabase('catalog router', (t) => {
  test('catalog.get returns the wizard catalogs and the schema version', async () => {
    const catalog = await createTestCaller(t.db).catalog.get();
    expect(catalog).toEqual({
      platforms: PLATFORMS,
      features: FEATURES,
      priorities: PRIORITIES,
      steps: WIZARD_STEPS,
      schemaVersion: BUILD_CONFIG_SCHEMA_VERSION,
    });
    expect(catalog.steps).toHaveLength(8);
  });
});
