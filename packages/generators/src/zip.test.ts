import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { generateFrom } from '../test/helpers';
import { toZip } from './zip';

describe('toZip', () => {
  const { project } = generateFrom({ project: { name: 'zip-bot' } });

  it('round-trips every file under a folder named after the project', () => {
    const entries = unzipSync(toZip(project));
    expect(Object.keys(entries).sort()).toEqual(
      project.files.map((f) => `zip-bot/${f.path}`).sort(),
    );
    for (const { path, content } of project.files) {
      const entry = entries[`zip-bot/${path}`];
      expect(entry && strFromU8(entry)).toBe(content);
    }
  });

  it('is byte-identical for the same project', () => {
    expect(toZip(project)).toEqual(toZip(structuredClone(project)));
  });

  it('accepts an explicit folder but refuses one that could escape the archive root', () => {
    expect(Object.keys(unzipSync(toZip(project, 'other')))[0]).toMatch(/^other\//);
    expect(() => toZip(project, '../evil')).toThrow(/folder/);
  });
});
