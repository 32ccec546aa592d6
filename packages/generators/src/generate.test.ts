import { type BuildConfigInput, FEATURE_IDS, PLATFORM_IDS } from '@botsmith/shared';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { ALL_AUTOMATION, configOf, generateFrom } from '../test/helpers';
import { GENERATOR_MODULES, generate } from './generate';
import { GENERATOR_VERSION } from './version';

const DEFAULT_FILES = [
  '.botsmith.json',
  '.dockerignore',
  '.env.example',
  '.github/dependabot.yml',
  '.github/workflows/ci.yml',
  '.gitignore',
  'Dockerfile',
  'LICENSE',
  'README.md',
  'biome.json',
  'package.json',
  'scripts/deploy-commands.ts',
  'src/app.ts',
  'src/commands.ts',
  'src/config.ts',
  'src/core/bot.ts',
  'src/core/built-in-commands.ts',
  'src/core/choices.ts',
  'src/core/commands.ts',
  'src/core/index.ts',
  'src/core/notifier.ts',
  'src/core/plugin.ts',
  'src/core/types.ts',
  'src/env.ts',
  'src/health.ts',
  'src/http/server.ts',
  'src/i18n/en.ts',
  'src/i18n/index.ts',
  'src/index.ts',
  'src/log.ts',
  'src/platform-state.ts',
  'src/platforms/discord.ts',
  'src/runtime.ts',
  'src/sessions/backend.ts',
  'src/sessions/index.ts',
  'src/sessions/memory-store.ts',
  'src/sessions/session-store.ts',
  'test/choices.test.ts',
  'test/commands.test.ts',
  'test/core.test.ts',
  'test/discord.test.ts',
  'test/env.test.ts',
  'test/health.test.ts',
  'test/http.test.ts',
  'test/map-store.ts',
  'test/memory-store.test.ts',
  'test/notifier.test.ts',
  'test/session-store-contract.ts',
  'test/sessions.test.ts',
  'tsconfig.build.json',
  'tsconfig.json',
  'vitest.config.ts',
];

describe('generate', () => {
  it('produces the Discord project for the default config, sorted by path', () => {
    expect(generateFrom().paths).toEqual(DEFAULT_FILES);
  });

  it('is deterministic: the same config gives byte-identical files', () => {
    const config = configOf({ project: { name: 'same-bot', displayName: 'Same' } });
    expect(JSON.stringify(generate(config))).toBe(
      JSON.stringify(generate(structuredClone(config))),
    );
  });

  it('writes package.json from the config with pinned generated dependencies', () => {
    const { file } = generateFrom({ project: { name: 'hello-bot', license: 'Apache-2.0' } });
    const manifest = JSON.parse(file('package.json'));
    expect(manifest).toMatchObject({
      name: 'hello-bot',
      license: 'Apache-2.0',
      type: 'module',
      engines: { node: '>=24.0.0' },
      dependencies: { 'discord.js': expect.stringMatching(/^\^14\./) },
      devDependencies: {
        typescript: expect.stringMatching(/^~7\./),
        vitest: expect.stringMatching(/^~5\./),
        '@types/node': expect.stringMatching(/^\^24\./),
        tsx: expect.any(String),
      },
    });
    for (const script of ['dev', 'build', 'start', 'typecheck', 'test', 'deploy-commands']) {
      expect(manifest.scripts[script]).toEqual(expect.any(String));
    }
    expect(Object.keys(manifest.scripts)).toEqual(Object.keys(manifest.scripts).sort());
    expect(manifest.packageManager).toBe('npm@11.19.1');
    const pnpm = JSON.parse(
      generateFrom({ runtime: { packageManager: 'pnpm' } }).file('package.json'),
    );
    expect(pnpm.packageManager).toBe('pnpm@10.34.9');
  });

  it('records the config, generator version and runtime ledger in .botsmith.json', () => {
    const config = configOf({ project: { name: 'stored-bot' } });
    const { project, file } = generateFrom({ project: { name: 'stored-bot' } });
    const stored = JSON.parse(file('.botsmith.json'));
    expect(stored).toEqual({
      generatorVersion: GENERATOR_VERSION,
      config,
      runtime: project.ledger,
    });
    expect(stored.runtime.map((entry: { name: string }) => entry.name)).toContain('DISCORD_TOKEN');
  });

  it.each([
    ['22', '>=22.12.0'],
    ['24', '>=24.0.0'],
    ['26', '>=26.0.0'],
  ] as const)('sets engines, the image and @types/node from Node %s', (nodeVersion, engines) => {
    const { file } = generateFrom({ runtime: { nodeVersion } });
    const manifest = JSON.parse(file('package.json'));
    expect(manifest.engines).toEqual({ node: engines });
    expect(manifest.devDependencies['@types/node']).toMatch(new RegExp(`^\\^${nodeVersion}\\.`));
    expect(file('Dockerfile').match(/^FROM .*$/gm)).toEqual([
      `FROM node:${nodeVersion}-slim AS build`,
      `FROM node:${nodeVersion}-slim`,
    ]);
    expect(file('README.md')).toContain(`Requires Node.js ${nodeVersion} or newer (\`${engines}\``);
  });

  it('uses the configured Node version and session TTL', () => {
    const { file } = generateFrom({
      runtime: { nodeVersion: '24' },
      sessions: { ttlSeconds: 600 },
    });
    expect(file('Dockerfile')).toContain('FROM node:24-slim AS build');
    expect(file('Dockerfile')).toMatch(/^USER node$/m);
    expect(file('src/env.ts')).toContain('SESSION_TTL_SECONDS: integer(600, 1, ');
  });

  it.each([
    ['the default config', {}],
    ['every platform', { platforms: [...PLATFORM_IDS] }],
    [
      'every platform and feature',
      {
        platforms: [...PLATFORM_IDS],
        features: [...FEATURE_IDS],
        ai: { provider: 'anthropic' },
        sessions: { store: 'redis' },
      },
    ],
  ] as const)('lists every environment variable %s reads in .env.example', (_, input) => {
    const { project, file } = generateFrom(input as BuildConfigInput);
    const envExample = file('.env.example');
    const code = project.files.filter((f) => f.path.endsWith('.ts')).map((f) => f.content);
    const read = new Set(
      code.flatMap((c) => [...c.matchAll(/env\.([A-Z][A-Z0-9_]*)/g)].map((m) => m[1])),
    );
    // Also those read through the adapters' requiredEnv lists.
    for (const c of code) {
      for (const list of c.matchAll(/requiredEnv: \[([^\]]*)\]/g)) {
        for (const name of (list[1] ?? '').matchAll(/'([A-Z0-9_]+)'/g)) read.add(name[1]);
      }
    }
    expect(read.size).toBeGreaterThan(3);
    for (const name of read) {
      expect(envExample).toMatch(new RegExp(`# .+\\n${name}=`));
    }
  });

  it('leaves out the health endpoint, CI and dependabot when they are not chosen', () => {
    const { paths, file } = generateFrom({
      features: ['commands', 'sessions'],
      automation: { ci: false, dependabot: false },
    });
    expect(paths).not.toContain('src/health.ts');
    expect(paths.some((p) => p.startsWith('.github/'))).toBe(false);
    expect(file('src/index.ts')).not.toContain('health');
    expect(file('Dockerfile')).not.toContain('HEALTHCHECK');
  });

  it('writes valid JSON and YAML', () => {
    const { project } = generateFrom();
    for (const { path, content } of project.files) {
      if (path.endsWith('.json')) expect(() => JSON.parse(content), path).not.toThrow();
      if (path.endsWith('.yml')) expect(() => parseYaml(content), path).not.toThrow();
      expect(content.endsWith('\n'), path).toBe(true);
    }
  });

  it('generates everything the config schema offers: all platforms, features and automations', () => {
    const everything = configOf({
      platforms: [...PLATFORM_IDS],
      features: [...FEATURE_IDS],
      ai: { provider: 'openai' },
      sessions: { store: 'postgres' },
      runtime: { packageManager: 'pnpm' },
      deploy: { target: 'fly' },
      automation: ALL_AUTOMATION,
    });
    expect(() => generate(everything)).not.toThrow();
  });

  it('folds every platform, feature and automation module exactly once', () => {
    const ids = GENERATOR_MODULES.map((module) => module.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(
      expect.arrayContaining([...PLATFORM_IDS, ...FEATURE_IDS, ...Object.keys(ALL_AUTOMATION)]),
    );
  });
});

describe('LICENSE', () => {
  it("holds the chosen licence in full, held by the bot's authors, with no year", () => {
    const mit = generateFrom({ project: { displayName: 'Hello', license: 'MIT' } }).file('LICENSE');
    expect(mit).toMatch(/^MIT License\n\nCopyright \(c\) the Hello authors\n/);
    expect(mit).not.toMatch(/\d{4}/);
    const apache = generateFrom({ project: { license: 'Apache-2.0' } }).file('LICENSE');
    expect(apache).toContain('TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION');
    expect(apache.length).toBeGreaterThan(10_000);
    const gpl = generateFrom({ project: { license: 'GPL-3.0-only' } }).file('LICENSE');
    expect(gpl).toContain('GNU GENERAL PUBLIC LICENSE');
    expect(gpl).toContain('Version 3, 29 June 2007');
    expect(generateFrom({ project: { license: 'ISC' } }).file('LICENSE')).toMatch(/^ISC License/);
    expect(generateFrom({ project: { license: 'UNLICENSED' } }).file('LICENSE')).toContain(
      'All rights reserved',
    );
  });
});
