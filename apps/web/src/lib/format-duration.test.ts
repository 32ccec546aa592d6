import { describe, expect, test } from 'vitest';
import { formatDuration } from './format-duration';

describe('formatDuration', () => {
  test.each([
    [0, '0 ms'],
    [850, '850 ms'],
    [4200, '4.2 s'],
    [185_000, '3 min 5 s'],
    [2 * 3_600_000 + 4 * 60_000, '2 h 4 min'],
    [3 * 86_400_000 + 3_600_000, '3 d 1 h'],
    [-1, '—'],
    [Number.NaN, '—'],
  ])('%d ms reads %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
