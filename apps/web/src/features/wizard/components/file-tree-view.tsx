import { useState } from 'react';
import { cn } from '../../../components/ui/cn';
import type { TreeNode } from '../state/file-tree';

/**
 * The generated project as a folder tree. Folders are disclosure buttons; the selected file
 * carries `aria-current`.
 */
export function FileTreeView({
  nodes,
  selected,
  onSelect,
}: {
  nodes: readonly TreeNode[];
  selected: string | null;
  onSelect: (path: string) => void;
}) {
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const toggle = (path: string) =>
    setCollapsed((current) => {
      const next = new Set(current);
      if (!next.delete(path)) next.add(path);
      return next;
    });
  return (
    <nav aria-label="Generated files" className="text-sm">
      <TreeLevel
        nodes={nodes}
        depth={0}
        selected={selected}
        collapsed={collapsed}
        onSelect={onSelect}
        onToggle={toggle}
      />
    </nav>
  );
}

function TreeLevel({
  nodes,
  depth,
  selected,
  collapsed,
  onSelect,
  onToggle,
}: {
  nodes: readonly TreeNode[];
  depth: number;
  selected: string | null;
  collapsed: ReadonlySet<string>;
  onSelect: (path: string) => void;
  onToggle: (path: string) => void;
}) {
  // Indentation by depth comes from classes, not inline styles, so a strict CSP holds.
  const indent = ['pl-2', 'pl-6', 'pl-10', 'pl-14', 'pl-18', 'pl-22'][Math.min(depth, 5)];
  return (
    <ul className="grid">
      {nodes.map((node) => {
        if (node.kind === 'file') {
          const current = node.path === selected;
          return (
            <li key={node.path}>
              <button
                type="button"
                title={node.path}
                aria-current={current ? 'true' : undefined}
                onClick={() => onSelect(node.path)}
                className={cn(
                  'flex w-full items-center gap-1.5 rounded-md py-1 pr-2 text-left font-mono text-xs',
                  'focus-visible:outline-2 focus-visible:outline-indigo-600',
                  indent,
                  current ? 'bg-indigo-600 text-white' : 'text-slate-700 hover:bg-slate-100',
                )}
              >
                <span aria-hidden="true" className="w-3.5 text-center opacity-60">
                  ·
                </span>
                <span className="truncate">{node.name}</span>
              </button>
            </li>
          );
        }
        const open = !collapsed.has(node.path);
        return (
          <li key={node.path}>
            <button
              type="button"
              aria-expanded={open}
              onClick={() => onToggle(node.path)}
              className={cn(
                'flex w-full items-center gap-1.5 rounded-md py-1 pr-2 text-left font-mono text-xs font-semibold text-slate-800 hover:bg-slate-100',
                'focus-visible:outline-2 focus-visible:outline-indigo-600',
                indent,
              )}
            >
              <span
                aria-hidden="true"
                className={cn('w-3.5 text-center transition-transform', open && 'rotate-90')}
              >
                ▸
              </span>
              <span className="truncate">{node.name}/</span>
            </button>
            {open && (
              <TreeLevel
                nodes={node.children}
                depth={depth + 1}
                selected={selected}
                collapsed={collapsed}
                onSelect={onSelect}
                onToggle={onToggle}
              />
            )}
          </li>
        );
      })}
    </ul>
  );
}
