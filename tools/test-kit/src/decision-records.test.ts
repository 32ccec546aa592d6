import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';

// The decision records (docs/decisions) stay findable: each one has a date and a status,
// and the index lists every record with the status its file gives.
const dir = join(import.meta.dirname, '../../../docs/decisions');
const records = readdirSync(dir).filter((f) => /^\d{3}-.+\.md$/.test(f) && !f.startsWith('000'));
const index = readFileSync(join(dir, 'README.md'), 'utf8');

test('there are decision records', () => {
  expect(records.length).toBeGreaterThan(10);
});

test.each(records)('%s has a date and a status and is in the index', (file) => {
  const text = readFileSync(join(dir, file), 'utf8');
  expect(text).toMatch(/^- Date: \d{4}-\d{2}-\d{2}$/m);
  const status = text.match(/^- Status: (\S+)/m)?.[1];
  expect(['proposed', 'accepted', 'superseded']).toContain(status);
  expect(index).toContain(`(${file})`);
});
