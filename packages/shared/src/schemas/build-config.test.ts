import { describe, expect, it } from 'vitest';
import { defaultFeaturesFor } from '../catalog/features';
import { deployUnavailableReason, PLATFORM_IDS, PLATFORMS } from '../catalog/platforms';
import { buildConfigDraftSchema, buildConfigSchema } from './build-config';
import { saveDraftInputSchema } from './deployments';
import { formatConfigIssues } from './wizard';

function issuesOf(input: unknown) {
  const result = buildConfigSchema.safeParse(input);
  if (result.success) throw new Error('expected the config to be rejected');
  return formatConfigIssues(result.error);
}

describe('buildConfigSchema', () => {
  it('turns an empty object into a complete, valid config', () => {
    const config = buildConfigSchema.parse({});
    expect(config.schemaVersion).toBe(2);
    expect(config.runtime).toEqual({ nodeVersion: '24', packageManager: 'npm' });
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

describe('buildConfigDraftSchema', () => {
  const draftIssues = (input: unknown) => {
    const result = buildConfigDraftSchema.safeParse(input);
    if (result.success) throw new Error('expected the draft to be rejected');
    return formatConfigIssues(result.error);
  };

  it('takes every field of the wizard, with the same defaults', () => {
    const full = buildConfigSchema.parse({ platforms: ['telegram'], project: { name: 'hi' } });
    expect(buildConfigDraftSchema.parse(full)).toEqual(full);
    expect(buildConfigDraftSchema.parse({})).toEqual(buildConfigSchema.parse({}));
  });

  it('saves an unfinished draft that the checks across fields would still refuse', () => {
    for (const unfinished of [
      { features: ['ai'] },
      { features: ['admin'] },
      { platforms: ['cli'], features: ['health'] },
      { automation: { deploy: true } },
    ]) {
      expect(buildConfigSchema.safeParse(unfinished).success).toBe(false);
      expect(buildConfigDraftSchema.parse(unfinished)).toMatchObject(unfinished);
    }
  });

  it('refuses unknown keys and invalid values, naming the field', () => {
    expect(draftIssues({ nope: true })[0]?.message).toMatch(/nope/);
    expect(draftIssues({ project: { colour: 'red' } })[0]?.path).toBe('project');
    expect(draftIssues({ sessions: { ttlSeconds: 5 } })[0]).toMatchObject({
      path: 'sessions.ttlSeconds',
      message: 'must be at least 60 seconds',
      step: 4,
    });
    expect(draftIssues({ platforms: ['myspace'] })[0]?.path).toBe('platforms.0');
    expect(draftIssues({ schemaVersion: 3 })[0]?.path).toBe('schemaVersion');
    expect(draftIssues({ runtime: { nodeVersion: '20' } })[0]?.path).toBe('runtime.nodeVersion');
  });

  it('is what saveDraft takes as its config', () => {
    const result = saveDraftInputSchema.safeParse({ name: 'draft-bot', config: { a: 1 } });
    expect(result.success).toBe(false);
    expect(
      saveDraftInputSchema.parse({ name: 'draft-bot', config: { features: ['ai'] } }).config,
    ).toMatchObject({ features: ['ai'], ai: { provider: 'none' } });
  });
});

describe('per-platform defaults', () => {
  it('accepts every single platform alone with no features given', () => {
    for (const platform of PLATFORM_IDS) {
      const result = buildConfigSchema.safeParse({ platforms: [platform] });
      expect(result.success, `${platform}: ${JSON.stringify(result.error?.issues)}`).toBe(true);
      expect(result.data?.features).toEqual(defaultFeaturesFor([platform]));
    }
  });

  it('gives a CLI-only project no health endpoint, since nothing serves HTTP', () => {
    expect(buildConfigSchema.parse({ platforms: ['cli'] }).features).toEqual([
      'commands',
      'sessions',
    ]);
    expect(buildConfigSchema.parse({ platforms: ['cli', 'telegram'] }).features).toContain(
      'health',
    );
  });

  it('keeps the features a config names, even an empty list', () => {
    expect(buildConfigSchema.parse({ platforms: ['cli'], features: [] }).features).toEqual([]);
  });

  it('rejects a deploy target or a deploy workflow for a CLI-only project, on its path', () => {
    const result = buildConfigSchema.safeParse({
      platforms: ['cli'],
      deploy: { target: 'fly' },
      automation: { deploy: true },
    });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(['deploy.target', 'automation.deploy']);
    expect(result.error?.issues[0]?.message).toMatch(/nothing to deploy/);
    expect(deployUnavailableReason({ platforms: ['cli', 'discord'] })).toBeNull();
    expect(PLATFORMS.find((p) => p.id === 'cli')?.runsAsService).toBe(false);
  });
});
