import { generate } from '@botsmith/generators';
import { buildConfigSchema } from '@botsmith/shared';
import { describe, expect, test } from 'vitest';
import { parseEnvExample, secretVariablesOf } from './env-example';

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

describe('secretVariablesOf', () => {
  test('lists credentials of .env.example and secrets the workflows read', () => {
    const files = [
      {
        path: '.env.example',
        content: '# Bot token. Required.\nBOT_TOKEN=\n# Port. Optional.\nPORT=3000\nDEBUG=\n',
      },
      {
        path: '.github/workflows/deploy.yml',
        content: [
          'env:',
          '  A: $'.concat('{{ secrets.RAILWAY_TOKEN }}'),
          '  B: $'.concat('{{ secrets.GITHUB_TOKEN }}'),
        ].join('\n'),
      },
      { path: 'src/index.ts', content: 'secrets.NOT_A_WORKFLOW' },
    ];
    expect(secretVariablesOf(files).map((variable) => variable.name)).toEqual([
      'BOT_TOKEN',
      'RAILWAY_TOKEN',
    ]);
  });
});
