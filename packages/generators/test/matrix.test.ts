import {
  AI_PROVIDERS,
  buildConfigSchema,
  DEPLOY_TARGETS,
  NODE_VERSIONS,
  PLATFORM_IDS,
  SESSION_STORES,
} from '@botsmith/shared';
import { describe, expect, it } from 'vitest';
import { generate } from '../src/index';
import { MATRIX, selectEntries } from '../verify/matrix';

describe('generated-project matrix', () => {
  it('holds valid, producible configs under unique names', () => {
    expect(new Set(MATRIX.map((entry) => entry.name)).size).toBe(MATRIX.length);
    for (const entry of MATRIX) {
      expect(() => generate(buildConfigSchema.parse(entry.input)), entry.name).not.toThrow();
    }
  });

  it('covers each platform alone and every store, AI provider and deploy target', () => {
    const configs = MATRIX.map((entry) => buildConfigSchema.parse(entry.input));
    for (const platform of PLATFORM_IDS) {
      expect(configs.some((c) => c.platforms.length === 1 && c.platforms[0] === platform)).toBe(
        true,
      );
    }
    const used = (pick: (c: (typeof configs)[number]) => string) => new Set(configs.map(pick));
    const stores = used((c) => (c.features.includes('sessions') ? c.sessions.store : ''));
    expect([...SESSION_STORES].every((store) => stores.has(store))).toBe(true);
    const providers = used((c) => (c.features.includes('ai') ? c.ai.provider : 'none'));
    expect([...AI_PROVIDERS].every((provider) => providers.has(provider))).toBe(true);
    const targets = used((c) => (c.automation.deploy ? c.deploy.target : 'none'));
    expect([...DEPLOY_TARGETS].every((target) => targets.has(target))).toBe(true);
  });

  it('runs a project on every offered Node major, and the oldest one in the CI subset', () => {
    const majors = (entries: typeof MATRIX) =>
      new Set(entries.map((e) => buildConfigSchema.parse(e.input).runtime.nodeVersion));
    expect([...majors(MATRIX)].sort()).toEqual([...NODE_VERSIONS]);
    expect([...majors(selectEntries('subset'))].sort()).toEqual(['22', '24']);
  });

  it('selects by name, the CI subset or all, and refuses unknown names', () => {
    expect(selectEntries('').map((e) => e.name)).toEqual([]);
    expect(selectEntries('all')).toEqual(MATRIX);
    expect(selectEntries('subset').map((e) => e.name)).toEqual(
      MATRIX.filter((e) => e.ci).map((e) => e.name),
    );
    expect(selectEntries(' minimal, cli-only ').map((e) => e.name)).toEqual([
      'cli-only',
      'minimal',
    ]);
    expect(() => selectEntries('minimal,nope')).toThrow(/Unknown matrix entries: nope/);
  });
});
