import { afterEach, describe, expect, test } from 'vitest';
import {
  clearSecretValues,
  getSecretValues,
  markSecretsOffered,
  secretsWereOffered,
  setSecretValue,
  valuesToSeal,
} from './secret-values';

afterEach(() => clearSecretValues());

describe('secret values', () => {
  test('only non-empty values of the requested names are sealed, in that order', () => {
    expect(
      valuesToSeal(['B_TOKEN', 'A_TOKEN', 'MISSING', 'EMPTY'], {
        A_TOKEN: 'a',
        B_TOKEN: 'b',
        EMPTY: '',
        OTHER: 'not asked for',
      }),
    ).toEqual([
      { name: 'B_TOKEN', value: 'b' },
      { name: 'A_TOKEN', value: 'a' },
    ]);
  });

  test('are kept in memory until cleared, together with whether they were asked for', () => {
    expect(secretsWereOffered()).toBe(false);
    markSecretsOffered();
    setSecretValue('DISCORD_TOKEN', 'x');
    expect(getSecretValues()).toEqual({ DISCORD_TOKEN: 'x' });
    expect(secretsWereOffered()).toBe(true);
    clearSecretValues();
    expect(getSecretValues()).toEqual({});
    expect(secretsWereOffered()).toBe(false);
  });
});
