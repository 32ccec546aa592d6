import { buildConfigSchema } from '@botsmith/shared';
import { describe, expect, test } from 'vitest';
import { INPUT_LIMITS, plainJsonProblem } from './plain-json-problem';

const deep = (depth: number): unknown => {
  let value: unknown = {};
  for (let level = 1; level < depth; level += 1) value = { a: value };
  return value;
};

describe('plainJsonProblem', () => {
  test.each([
    ['nothing (no input)', undefined],
    ['null', null],
    ['a whole BuildConfig', buildConfigSchema.parse({ platforms: ['telegram', 'discord'] })],
    ['an object without prototype', Object.assign(Object.create(null), { a: 1 })],
    ['undefined object properties (absent keys)', { projectId: undefined, name: 'x' }],
    ['surrogate pairs and other Unicode', { text: '😀 ñ 中文 \u2028' }],
    ['-0 and large finite numbers', [-0, Number.MAX_VALUE, -1e-300]],
    [`exactly ${INPUT_LIMITS.maxDepth} levels`, deep(INPUT_LIMITS.maxDepth)],
    [`exactly ${INPUT_LIMITS.maxValues} values`, Array(INPUT_LIMITS.maxValues - 1).fill(0)],
  ])('accepts %s', (_, value) => {
    expect(plainJsonProblem(value)).toBeNull();
  });

  test.each([
    ['a bigint', { config: { ttl: 1n } }, 'config.ttl is of type bigint, which JSON cannot hold.'],
    ['a Date', { at: new Date(0) }, 'at is of type Date, not a plain object or array.'],
    ['a Map', new Map(), 'the input is of type Map, not a plain object or array.'],
    ['a Set', { s: [new Set()] }, 's.0 is of type Set, not a plain object or array.'],
    ['a RegExp', { r: /x/ }, 'r is of type RegExp, not a plain object or array.'],
    ['an Error', { e: new Error('x') }, 'e is of type Error, not a plain object or array.'],
    [
      'a URL',
      { u: new URL('https://x.example') },
      'u is of type URL, not a plain object or array.',
    ],
    [
      'a class instance',
      { c: new (class Thing {})() },
      'c is of type Thing, not a plain object or array.',
    ],
    ['a function', { f: () => 1 }, 'f is of type function, which JSON cannot hold.'],
    ['a symbol', { s: Symbol('x') }, 's is of type symbol, which JSON cannot hold.'],
    ['NaN', { n: Number.NaN }, 'n is NaN, which JSON cannot hold.'],
    ['-Infinity', [Number.NEGATIVE_INFINITY], '0 is -Infinity, which JSON cannot hold.'],
    [
      'undefined in an array',
      { list: [1, undefined] },
      'list.1 is undefined, which JSON arrays cannot hold.',
    ],
    ['U+0000 in a string', { a: { b: 'x\u0000y' } }, 'a.b contains U+0000 (the NUL character).'],
    ['U+0000 in a key', { 'x\u0000': 1 }, 'the key x\\u0000 contains U+0000 (the NUL character).'],
    ['a lone high surrogate', ['\ud800'], '0 contains a lone surrogate (not well-formed Unicode).'],
    [
      'a lone low surrogate',
      'a\udc00',
      'the input contains a lone surrogate (not well-formed Unicode).',
    ],
    [
      'a lone surrogate in a key',
      { '\udfff': 1 },
      'the key \\udfff contains a lone surrogate (not well-formed Unicode).',
    ],
  ])('refuses %s, naming where', (_, value, message) => {
    expect(plainJsonProblem(value)).toBe(message);
  });

  test('refuses nesting deeper than the limit, also when arrays and objects alternate', () => {
    expect(plainJsonProblem(deep(INPUT_LIMITS.maxDepth + 1))).toMatch(
      /^a(\.a){31} is nested deeper than 32 levels\.$/,
    );
    let mixed: unknown = [];
    for (let level = 0; level < 40; level += 1) mixed = level % 2 ? [mixed] : { x: mixed };
    expect(plainJsonProblem(mixed)).toMatch(/nested deeper than 32 levels/);
  });

  test('walks 500,000 levels without overflowing the stack', () => {
    expect(plainJsonProblem(deep(500_000))).toMatch(/nested deeper than 32 levels/);
  });

  test('a cycle (superjson can revive referential equalities) ends at the depth limit', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(plainJsonProblem(cyclic)).toMatch(/nested deeper than 32 levels/);
  });

  test('refuses too many values, counting shared references each time', () => {
    expect(plainJsonProblem(Array(INPUT_LIMITS.maxValues).fill(0))).toBe(
      'the input holds more than 10000 values.',
    );
    const shared = Array(200).fill(0);
    expect(plainJsonProblem(Array(200).fill(shared))).toMatch(/more than 10000 values/);
  });

  test('stops reading a 60,000-key object once over the limit', () => {
    const huge: Record<string, number> = {};
    for (let index = 0; index < 60_000; index += 1) {
      if (index <= INPUT_LIMITS.maxValues) huge[`k${index}`] = index;
      else {
        Object.defineProperty(huge, `k${index}`, {
          enumerable: true,
          get: () => {
            throw new Error(`read k${index}: the walk went past its limit`);
          },
        });
      }
    }
    expect(plainJsonProblem(huge)).toBe('the input holds more than 10000 values.');
  });

  test('limits can be tightened per call', () => {
    expect(plainJsonProblem({ a: [1, 2] }, { maxDepth: 1, maxValues: 100 })).toBe(
      'a is nested deeper than 1 levels.',
    );
    expect(plainJsonProblem({ a: [1, 2] }, { maxDepth: 5, maxValues: 3 })).toBe(
      'the input holds more than 3 values.',
    );
  });

  test('messages cut long keys short and escape them', () => {
    const key = `${'k'.repeat(100)}\u0000`;
    expect(plainJsonProblem({ [key]: 1 })).toBe(
      `the key ${'k'.repeat(40)}… contains U+0000 (the NUL character).`,
    );
  });
});
