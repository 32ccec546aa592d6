import { describe, expect, test } from 'vitest';
import {
  groupLedger,
  integerRule,
  type LedgerEntry,
  ledgerValueProblem,
  missingRequired,
  runtimeLedgerSchema,
} from './runtime-ledger';

const entry = (name: string, overrides: Partial<LedgerEntry> = {}): LedgerEntry => ({
  name,
  neededBy: { kind: 'platform', id: 'discord', label: 'Discord' },
  secret: false,
  required: true,
  description: `${name} for the test.`,
  location: 'runtime',
  ...overrides,
});

const render = { kind: 'deploy', id: 'render', label: 'Render' } as const;
const serviceId = entry('RENDER_SERVICE_ID', {
  neededBy: render,
  location: 'deploy-variable',
  format: { pattern: '^srv-[a-z0-9]+$', hint: 'a Render service ID such as srv-abc123' },
});

describe('runtime ledger', () => {
  test('names GitHub would refuse are not ledger names', () => {
    for (const name of ['lower', 'GITHUB_TOKEN', '1ABC', 'A-B']) {
      expect(runtimeLedgerSchema.safeParse([entry(name)]).success, name).toBe(false);
    }
    expect(runtimeLedgerSchema.safeParse([entry('DISCORD_TOKEN'), serviceId]).success).toBe(true);
  });

  test('groups by what needs each name, in ledger order', () => {
    const ledger = [entry('DISCORD_TOKEN'), serviceId, entry('DISCORD_CLIENT_ID')];
    expect(
      groupLedger(ledger).map((group) => [group.label, group.entries.map((e) => e.name)]),
    ).toEqual([
      ['Discord', ['DISCORD_TOKEN', 'DISCORD_CLIENT_ID']],
      ['Render', ['RENDER_SERVICE_ID']],
    ]);
  });

  test('only required names without a value are missing', () => {
    const ledger = [entry('DISCORD_TOKEN'), entry('DISCORD_GUILD_ID', { required: false })];
    expect(missingRequired(ledger, new Set()).map((e) => e.name)).toEqual(['DISCORD_TOKEN']);
    expect(missingRequired(ledger, new Set(['DISCORD_TOKEN']))).toEqual([]);
  });

  test('a plain value must fit its format; empty and format-free values pass', () => {
    expect(ledgerValueProblem(serviceId, 'srv-d1abc')).toBeNull();
    expect(ledgerValueProblem(serviceId, '')).toBeNull();
    expect(ledgerValueProblem(serviceId, 'my-service')).toBe(
      'RENDER_SERVICE_ID must be a Render service ID such as srv-abc123.',
    );
    expect(ledgerValueProblem(serviceId, 'srv-abc\nrm -rf /')).not.toBeNull();
    expect(ledgerValueProblem(entry('PORT'), 'anything')).toBeNull();
  });
  test('a whole-number entry states its range in words; its default lies within it', () => {
    expect(integerRule({ min: 0, max: 10, default: 0 })).toBe('a whole number from 0 to 10');
    expect(integerRule({ min: 1, default: 50 })).toBe('a whole number, 1 or more');
    const outside = entry('X', { integer: { min: 1, max: 5, default: 9 } });
    expect(runtimeLedgerSchema.safeParse([outside]).success).toBe(false);
    const inside = entry('X', { integer: { min: 1, max: 5, default: 5 } });
    expect(runtimeLedgerSchema.safeParse([inside]).success).toBe(true);
  });
});
