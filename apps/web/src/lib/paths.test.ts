import { describe, expect, test } from 'vitest';
import {
  projectIdFrom,
  projectPath,
  projectSecretsIdFrom,
  projectSecretsPath,
  setupRunIdFrom,
  setupRunPath,
} from './paths';

const id = '0b5a3f3e-5d7c-4a51-9a43-0d6a8c1f2e3b';

describe('the addresses features link by', () => {
  test('a setup run round-trips through the address', () => {
    expect(setupRunPath(id)).toBe(`/?run=${id}`);
    expect(setupRunIdFrom(new URL(setupRunPath(id), 'http://x').searchParams)).toBe(id);
  });

  test('an address without a run id, or with something else, names no run', () => {
    for (const search of ['', '?run=', '?run=not-a-run', `?other=${id}`]) {
      expect(setupRunIdFrom(new URLSearchParams(search))).toBeNull();
    }
  });

  test('a project page round-trips through its path', () => {
    expect(projectIdFrom(projectPath(id))).toBe(id);
    expect(projectIdFrom('/dashboard')).toBeNull();
    expect(projectIdFrom(`/dashboard/projects/${id}/more`)).toBeNull();
  });

  test("a project's secrets page round-trips through its path, and is not its dashboard page", () => {
    expect(projectSecretsIdFrom(projectSecretsPath(id))).toBe(id);
    expect(projectIdFrom(projectSecretsPath(id))).toBeNull();
    expect(projectSecretsIdFrom(projectPath(id))).toBeNull();
    expect(projectSecretsIdFrom('/dashboard/projects/not-an-id/secrets')).toBeNull();
  });
});
