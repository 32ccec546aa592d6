import { describe, expect, test } from 'vitest';
import { applyDeploymentChange } from './apply-deployment-change';

const row = (id: string, status: string, projectId = 'p1') => ({ id, status, projectId });
const page = (...items: ReturnType<typeof row>[]) => ({ items, nextCursor: null });

describe('applyDeploymentChange', () => {
  test('replaces a row already on the page in place', () => {
    const before = page(row('a', 'in_progress'), row('b', 'success'));
    const after = applyDeploymentChange(before, row('a', 'success'), {});
    expect(after.items).toEqual([row('a', 'success'), row('b', 'success')]);
  });

  test('adds a new row at the top of the first page only', () => {
    const before = page(row('b', 'success'));
    expect(applyDeploymentChange(before, row('a', 'queued'), {}).items.map((r) => r.id)).toEqual([
      'a',
      'b',
    ]);
    expect(applyDeploymentChange(before, row('a', 'queued'), { cursor: 'x' })).toBe(before);
  });

  test('respects the status and project filters', () => {
    const before = page(row('a', 'in_progress'));
    expect(
      applyDeploymentChange(before, row('a', 'success'), { status: 'in_progress' }).items,
    ).toEqual([]);
    expect(applyDeploymentChange(before, row('c', 'failure'), { status: 'success' })).toBe(before);
    expect(applyDeploymentChange(before, row('c', 'success', 'p2'), { projectId: 'p1' })).toBe(
      before,
    );
  });

  test('keeps the page at its limit', () => {
    const before = page(row('b', 'success'), row('c', 'success'));
    const after = applyDeploymentChange(before, row('a', 'success'), { limit: 2 });
    expect(after.items.map((r) => r.id)).toEqual(['a', 'b']);
  });
});
