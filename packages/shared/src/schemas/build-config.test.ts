import { describe, expect, it } from 'vitest';
import { buildConfigSchema } from './build-config';
import { formatConfigIssues } from './wizard';

function issuesOf(input: unknown) {
  const result = buildConfigSchema.safeParse(input);
  if (result.success) throw new Error('expected the config to be rejected');
  return formatConfigIssues(result.error);
}

describe('buildConfigSchema', () => {
  it('turns an empty object into a complete, valid config', () => {
    const config = buildConfigSchema.parse({});
    expect(config.schemaVersion).toBe(1);
    expect(config.platforms).toEqual(['discord']);
    expect(config.project.name).toBe('my-bot');
    expect(config.sessions).toEqual({ store: 'memory', ttlSeconds: 86_400 });
    expect(buildConfigSchema.parse(config)).toEqual(config);
  });

  it('names the field of every problem and links it to its wizard step', () => {
    const issues = issuesOf({ platforms: [], project: { name: 'Bad Name!' } });
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'platforms', step: 1 }),
        expect.objectContaining({ path: 'project.name', step: 4 }),
      ]),
    );
  });

  it('rejects unknown keys', () => {
    expect(issuesOf({ nope: true })[0]?.message).toMatch(/nope/);
    expect(issuesOf({ project: { colour: 'red' } })[0]?.path).toBe('project');
  });

  it('rejects a feature no chosen platform supports, with the reason', () => {
    const [issue] = issuesOf({ platforms: ['cli'], features: ['health'] });
    expect(issue).toMatchObject({ path: 'features.0', step: 3 });
    expect(issue?.message).toMatch(/no HTTP server/);
  });

  it('accepts a feature that at least one chosen platform supports', () => {
    const config = buildConfigSchema.parse({ platforms: ['cli', 'discord'], features: ['health'] });
    expect(config.features).toEqual(['health']);
  });

  it('enforces feature requirements and the AI provider', () => {
    expect(issuesOf({ features: ['admin'] })[0]?.message).toMatch(/needs the "commands"/);
    expect(issuesOf({ features: ['ai'] })[0]?.path).toBe('ai.provider');
  });

  it('rejects invisible characters, control characters and Actions expressions in text', () => {
    for (const displayName of [
      'a\u202Eb',
      'zero\u200Bwidth',
      'bell\u0007',
      'line\nbreak',
      '$' + '{{ x }}',
    ]) {
      expect(issuesOf({ project: { displayName } })[0]?.path).toBe('project.displayName');
    }
  });

  it.each(['node_modules', 'http', '-dash', 'UPPER', 'ends.git', 'a'.repeat(101)])(
    'rejects the project name %j',
    (name) => {
      expect(issuesOf({ project: { name } })[0]?.path).toBe('project.name');
    },
  );
});
