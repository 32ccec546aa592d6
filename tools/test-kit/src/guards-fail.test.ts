import { expect, test, vi } from 'vitest';

// These tests must fail the guard's afterEach; `test.fails` inverts that, so the file passes
// only while the guards work.

test.fails('a test that writes to console.error fails', () => {
  console.error('something went wrong');
});

test.fails('a test that reaches beyond loopback fails, even when it swallows the error', async () => {
  await fetch('http://203.0.113.7/').catch(() => {});
});

test('a test may expect console.error by spying on it', () => {
  const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
  console.error('expected');
  expect(spy).toHaveBeenCalledWith('expected');
  spy.mockRestore();
});
