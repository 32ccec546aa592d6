import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { loadSetupRunId, SETUP_RUN_KEY, saveSetupRunId } from './setup-run-storage';

const items = new Map<string, string>();
beforeEach(() => {
  items.clear();
  vi.stubGlobal('window', {
    localStorage: {
      getItem: (key: string) => items.get(key) ?? null,
      setItem: (key: string, value: string) => items.set(key, value),
      removeItem: (key: string) => items.delete(key),
    },
  });
});
afterEach(() => vi.unstubAllGlobals());

describe('the stored setup run', () => {
  test('round-trips a run id and forgets it', () => {
    const runId = '0b5a3f3e-5d7c-4a51-9a43-0d6a8c1f2e3b';
    saveSetupRunId(runId);
    expect(loadSetupRunId()).toBe(runId);
    saveSetupRunId(null);
    expect(loadSetupRunId()).toBeNull();
  });

  test('ignores anything that is not a stored run id', () => {
    for (const raw of ['not json', '{"runId":"x"}', '[]', 'null']) {
      items.set(SETUP_RUN_KEY, raw);
      expect(loadSetupRunId()).toBeNull();
    }
  });
});
