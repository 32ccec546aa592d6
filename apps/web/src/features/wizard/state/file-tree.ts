export interface FileNode {
  kind: 'file';
  name: string;
  path: string;
}

export interface FolderNode {
  kind: 'folder';
  name: string;
  path: string;
  children: TreeNode[];
}

export type TreeNode = FileNode | FolderNode;

/**
 * Turns flat file paths into a tree: folders first, then files, each group sorted by name
 * the way editors show a project.
 */
export function buildFileTree(paths: readonly string[]): TreeNode[] {
  const root: FolderNode = { kind: 'folder', name: '', path: '', children: [] };
  for (const path of paths) {
    const parts = path.split('/');
    let folder = root;
    parts.slice(0, -1).forEach((name, index) => {
      const folderPath = parts.slice(0, index + 1).join('/');
      let next = folder.children.find(
        (child): child is FolderNode => child.kind === 'folder' && child.name === name,
      );
      if (!next) {
        next = { kind: 'folder', name, path: folderPath, children: [] };
        folder.children.push(next);
      }
      folder = next;
    });
    folder.children.push({ kind: 'file', name: parts.at(-1) ?? path, path });
  }
  sortTree(root.children);
  return root.children;
}

function sortTree(nodes: TreeNode[]): void {
  nodes.sort((a, b) =>
    a.kind === b.kind ? a.name.localeCompare(b.name, 'en') : a.kind === 'folder' ? -1 : 1,
  );
  for (const node of nodes) if (node.kind === 'folder') sortTree(node.children);
}

/** The folders on the way to a file, so the tree can open them. */
export function ancestorFolders(path: string): string[] {
  const parts = path.split('/').slice(0, -1);
  return parts.map((_, index) => parts.slice(0, index + 1).join('/'));
}
