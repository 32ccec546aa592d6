import { generate } from '@botsmith/generators';
import { buildConfigSchema, type LedgerEntry } from '@botsmith/shared';
import { describe, expect, test } from 'vitest';
import { missingByGroup } from './runtime-ledger';

const entry = (
  name: string,
  label: string,
  required: boolean,
  kind: LedgerEntry['neededBy']['kind'] = 'platform',
): LedgerEntry => ({
  name,
  neededBy: { kind, id: label.toLowerCase(), label },
  secret: false,
  required,
  description: `${name} for ${label}`,
  location: 'runtime',
});

describe('missingByGroup', () => {
  const ledger = [
    entry('DISCORD_TOKEN', 'Discord', true),
    entry('DISCORD_GUILD_ID', 'Discord', false),
    entry('SLACK_BOT_TOKEN', 'Slack', true),
    entry('RENDER_API_KEY', 'Render', true, 'deploy'),
    entry('RENDER_SERVICE_ID', 'Render', true, 'deploy'),
  ];

  test('lists the required names without a value, per platform, in ledger order', () => {
    expect(missingByGroup(ledger, new Set(['SLACK_BOT_TOKEN', 'RENDER_API_KEY']))).toEqual([
      { label: 'Discord', names: ['DISCORD_TOKEN'] },
      { label: 'Render', names: ['RENDER_SERVICE_ID'] },
    ]);
  });

  test('optional names never count as missing, and nothing is missing once all are given', () => {
    expect(
      missingByGroup(
        ledger,
        new Set(['DISCORD_TOKEN', 'SLACK_BOT_TOKEN', 'RENDER_API_KEY', 'RENDER_SERVICE_ID']),
      ),
    ).toEqual([]);
  });

  test('a Render project without values misses its service id under Render', () => {
    const config = buildConfigSchema.parse({
      deploy: { target: 'render' },
      automation: { deploy: true },
    });
    const missing = missingByGroup(generate(config).ledger, new Set());
    expect(missing.find((group) => group.label === 'Render')?.names).toContain('RENDER_SERVICE_ID');
    expect(missing.find((group) => group.label === 'Discord')?.names).toContain('DISCORD_TOKEN');
  });
});
