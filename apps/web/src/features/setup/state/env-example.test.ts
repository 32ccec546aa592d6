import { generate } from '@botsmith/generators';
import { buildConfigSchema } from '@botsmith/shared';
import { describe, expect, test } from 'vitest';
import { parseEnvExample } from './env-example';

describe('parseEnvExample', () => {
  test('reads names, descriptions, required flags and example values', () => {
    const content = [
      '# Copy this file to .env and fill it in.',
      '',
      '# Discord bot token (Developer Portal). Required.',
      'DISCORD_TOKEN=',
      '',
      '# Port of the HTTP server',
      '# (default 3000). Optional.',
      'PORT=3000',
      'BARE=x',
    ].join('\n');
    expect(parseEnvExample(content)).toEqual([
      {
        name: 'DISCORD_TOKEN',
        description: 'Discord bot token (Developer Portal).',
        required: true,
        example: '',
      },
      {
        name: 'PORT',
        description: 'Port of the HTTP server (default 3000).',
        required: false,
        example: '3000',
      },
      { name: 'BARE', description: '', required: false, example: 'x' },
    ]);
  });

  test('finds the Discord token in a generated project', () => {
    const { files } = generate(buildConfigSchema.parse({}));
    const example = files.find((file) => file.path === '.env.example');
    const variables = parseEnvExample(example?.content ?? '');
    expect(variables.find((variable) => variable.name === 'DISCORD_TOKEN')).toMatchObject({
      required: true,
    });
  });
});
