import { describe, expect, test } from 'vitest';
import { changeVerb, namesSet, stateText } from './secret-rows';

const now = new Date('2026-12-02T12:00:00Z');

describe('secret rows', () => {
  test('a set value says when GitHub last updated it; a missing one says so', () => {
    expect(stateText({ state: 'set', updatedAt: '2026-12-02T11:55:00Z' }, now)).toBe(
      'Set · updated 5 minutes ago',
    );
    expect(stateText({ state: 'set', updatedAt: null }, now)).toBe('Set');
    expect(stateText({ state: 'set', updatedAt: 'not a date' }, now)).toBe('Set');
    expect(stateText({ state: 'missing', updatedAt: null }, now)).toBe('Missing');
  });

  test('secrets are rotated, plain values changed, missing ones set', () => {
    expect(changeVerb({ state: 'missing', secret: true })).toBe('Set');
    expect(changeVerb({ state: 'missing', secret: false })).toBe('Set');
    expect(changeVerb({ state: 'set', secret: true })).toBe('Rotate');
    expect(changeVerb({ state: 'set', secret: false })).toBe('Change');
  });

  test('only names set on GitHub count as provided', () => {
    expect([
      ...namesSet([
        { name: 'A', state: 'set', updatedAt: null },
        { name: 'B', state: 'missing', updatedAt: null },
      ]),
    ]).toEqual(['A']);
  });
});
