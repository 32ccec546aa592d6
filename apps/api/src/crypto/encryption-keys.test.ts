import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { DEV_KEY_FILE, loadOrCreateDevKeys } from './encryption-keys';

describe('development encryption key', () => {
  const dir = mkdtempSync(join(tmpdir(), 'botsmith-keys-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('is generated once into DATA_DIR, readable only by its owner, then reused', () => {
    const dataDir = join(dir, 'data');
    const created = loadOrCreateDevKeys(dataDir);
    expect(created.created).toBe(true);
    expect(created.path).toBe(join(dataDir, DEV_KEY_FILE));
    expect(created.keys).toHaveLength(1);
    expect(created.keys[0]?.id).toMatch(/^dev-[0-9a-f]{6}$/);
    expect(created.keys[0]?.key).toHaveLength(32);
    expect(statSync(created.path).mode & 0o777).toBe(0o600);

    const again = loadOrCreateDevKeys(dataDir);
    expect(again.created).toBe(false);
    expect(again.keys).toEqual(created.keys);
  });
});
