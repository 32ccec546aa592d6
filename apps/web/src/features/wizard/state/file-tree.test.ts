import { describe, expect, it } from 'vitest';
import { ancestorFolders, buildFileTree } from './file-tree';

describe('buildFileTree', () => {
  it('nests files in folders, folders first, sorted by name', () => {
    const tree = buildFileTree([
      'package.json',
      'src/index.ts',
      '.github/workflows/ci.yml',
      'src/core/bot.ts',
      'README.md',
    ]);
    expect(tree.map((node) => `${node.kind}:${node.path}`)).toEqual([
      'folder:.github',
      'folder:src',
      'file:package.json',
      'file:README.md',
    ]);
    const src = tree[1];
    expect(src?.kind === 'folder' && src.children.map((node) => node.path)).toEqual([
      'src/core',
      'src/index.ts',
    ]);
  });

  it('lists the folders above a file', () => {
    expect(ancestorFolders('.github/workflows/ci.yml')).toEqual(['.github', '.github/workflows']);
    expect(ancestorFolders('README.md')).toEqual([]);
  });
});
