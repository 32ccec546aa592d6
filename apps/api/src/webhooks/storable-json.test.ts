import { describe, expect, test } from 'vitest';
import { PayloadTooDeepError, storableString, toStorableJson } from './storable-json';

describe('storable JSON (what jsonb accepts)', () => {
  test('U+0000 and unpaired surrogates become U+FFFD; pairs stay', () => {
    expect(storableString('a\u0000b')).toBe('a\ufffdb');
    expect(storableString('🚀 ok')).toBe('🚀 ok');
    // Reversed halves are two lone surrogates, not a pair.
    expect(storableString('\ude80\ud83d')).toBe('\ufffd\ufffd');
    expect(storableString('end\ud83d')).toBe('end\ufffd');
  });

  test('cleans keys and nested values in place, and refuses nesting past the limit', () => {
    const value = { 'k\u0000': [{ v: '\udc00' }], n: 1, b: null };
    expect(toStorableJson(value)).toEqual({ 'k\ufffd': [{ v: '\ufffd' }], n: 1, b: null });
    const nest = (depth: number): unknown => (depth === 1 ? [] : [nest(depth - 1)]);
    expect(() => toStorableJson(nest(4), 3)).toThrow(PayloadTooDeepError);
    expect(toStorableJson(nest(3), 3)).toEqual([[[]]]);
  });
});
