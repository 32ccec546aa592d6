import { buildConfigSchema } from '@botsmith/shared';
import { describe, expect, it } from 'vitest';
import { previewProject } from './preview';

describe('previewProject', () => {
  it('generates the project in place', () => {
    const config = buildConfigSchema.parse({ project: { name: 'live-bot' } });
    const preview = previewProject(config);
    if (!preview.ok) throw new Error('expected files');
    const pkg = preview.files.find((file) => file.path === 'package.json');
    expect(JSON.parse(pkg?.content ?? '{}').name).toBe('live-bot');
  });

  it('carries the runtime ledger and the next steps the generator declares', () => {
    const preview = previewProject(buildConfigSchema.parse({ platforms: ['discord'] }));
    if (!preview.ok) throw new Error('expected a project');
    expect(preview.ledger.find((entry) => entry.name === 'DISCORD_TOKEN')).toMatchObject({
      secret: true,
      required: true,
      neededBy: { kind: 'platform', label: 'Discord' },
    });
    expect(Array.isArray(preview.nextSteps)).toBe(true);
  });

  it('reports schema problems with their fields instead of throwing', () => {
    const config = buildConfigSchema.parse({});
    const preview = previewProject({ ...config, project: { ...config.project, name: 'Bad Name' } });
    expect(preview).toEqual({
      ok: false,
      issues: [expect.objectContaining({ path: 'project.name', step: 4 })],
    });
  });
});
