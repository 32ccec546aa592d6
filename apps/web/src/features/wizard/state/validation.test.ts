import { describe, expect, it } from 'vitest';
import { messagesAt, validateConfig, validateStep } from './validation';
import { defaultConfig } from './wizard-state';

describe('step validation', () => {
  it('accepts the defaults on every step', () => {
    for (const step of [1, 2, 3, 4, 5, 6]) expect(validateStep(defaultConfig(), step)).toEqual([]);
  });

  it('requires a platform on step 1', () => {
    const issues = validateStep({ ...defaultConfig(), platforms: [] }, 1);
    expect(issues).toEqual([
      { path: 'platforms', message: 'choose at least one platform', step: 1 },
    ]);
  });

  it('checks features against the chosen platforms on step 3', () => {
    const config = {
      ...defaultConfig(),
      platforms: ['cli' as const],
      features: ['health' as const],
    };
    const issues = validateStep(config, 3);
    expect(messagesAt(issues, 'features.0')).toEqual(['A terminal bot runs no HTTP server.']);
  });

  it('asks for an AI provider on step 3', () => {
    const config = { ...defaultConfig(), features: ['ai' as const] };
    expect(validateStep(config, 3).map((issue) => issue.path)).toEqual(['ai.provider']);
  });

  it('is not blocked by later steps that are still unfinished', () => {
    const config = defaultConfig();
    config.project.name = 'Bad Name';
    config.runtime.nodeVersion = '18' as never;
    expect(validateStep(config, 3)).toEqual([]);
    expect(validateStep(config, 4).map((issue) => issue.path)).toEqual([
      'project.name',
      'runtime.nodeVersion',
    ]);
  });

  it('validates everything on review and links each problem to its step', () => {
    const config = { ...defaultConfig(), platforms: [] };
    config.project.name = 'UPPER';
    const issues = validateStep(config, 5);
    expect(issues).toEqual(validateConfig(config));
    expect(issues.map((issue) => [issue.path, issue.step])).toEqual([
      ['platforms', 1],
      ['project.name', 4],
    ]);
  });
});
