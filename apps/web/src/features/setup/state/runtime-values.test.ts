import type { LedgerEntry } from '@botsmith/shared';
import { afterEach, describe, expect, test } from 'vitest';
import {
  clearRuntimeValues,
  getRuntimeValues,
  markValuesOffered,
  providedNames,
  providedValues,
  setRuntimeValue,
  valuesToSeal,
  valuesWereOffered,
} from './runtime-values';

afterEach(() => clearRuntimeValues());

const entry = (name: string, secret: boolean): LedgerEntry => ({
  name,
  neededBy: { kind: 'platform', id: 'discord', label: 'Discord' },
  secret,
  required: true,
  description: name,
  location: 'runtime',
});

describe('step 7 values', () => {
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
    expect(valuesWereOffered()).toBe(false);
    markValuesOffered();
    setRuntimeValue('DISCORD_TOKEN', 'x');
    expect(getRuntimeValues()).toEqual({ DISCORD_TOKEN: 'x' });
    expect(valuesWereOffered()).toBe(true);
    clearRuntimeValues();
    expect(getRuntimeValues()).toEqual({});
    expect(valuesWereOffered()).toBe(false);
  });

  test('the preflight learns the names of secrets, never their values, and plain values', () => {
    const ledger = [
      entry('DISCORD_TOKEN', true),
      entry('DISCORD_CLIENT_ID', false),
      entry('SLACK_BOT_TOKEN', true),
      entry('AI_MODEL', false),
    ];
    const provided = providedValues(ledger, {
      DISCORD_TOKEN: 'secret-value',
      DISCORD_CLIENT_ID: '1234',
      AI_MODEL: '',
      NOT_IN_THE_LEDGER: 'ignored',
    });
    expect(provided).toEqual({
      secrets: ['DISCORD_TOKEN'],
      variables: { DISCORD_CLIENT_ID: '1234' },
    });
    expect(JSON.stringify(provided)).not.toContain('secret-value');
    expect([...providedNames(provided)]).toEqual(['DISCORD_TOKEN', 'DISCORD_CLIENT_ID']);
  });
});
