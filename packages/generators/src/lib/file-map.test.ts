import { describe, expect, it } from 'vitest';
import { DuplicateFileError, FileMap } from './file-map';

describe('FileMap', () => {
  it('refuses a path written twice', () => {
    const files = new FileMap().add('src/a.ts', 'one');
    expect(() => files.add('src/a.ts', 'two')).toThrow(DuplicateFileError);
    expect(() => files.add('src/a.ts', 'two')).toThrow(/src\/a\.ts/);
  });

  it('lists files sorted by code unit, independent of insertion order and locale', () => {
    const files = new FileMap().add('b.ts', '').add('B.ts', '').add('a/z.ts', '').add('.env', '');
    expect(files.toSortedList().map((f) => f.path)).toEqual(['.env', 'B.ts', 'a/z.ts', 'b.ts']);
  });
});
