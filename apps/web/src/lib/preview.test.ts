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

  it('reports schema problems with their fields instead of throwing', () => {
    const config = buildConfigSchema.parse({});
    const preview = previewProject({ ...config, project: { ...config.project, name: 'Bad Name' } });
    expect(preview).toEqual({
      ok: false,
      issues: [expect.objectContaining({ path: 'project.name', step: 4 })],
    });
  });
});
