import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scaledTimeout } from '@botsmith/test-kit';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../verify/processes';

const BIN = fileURLToPath(new URL('../bin/botsmith.js', import.meta.url));

// Every test starts the CLI through tsx, a few seconds each on a busy machine: more than
// Vitest's default 5 s, never a wait of its own.
describe('botsmith CLI', { timeout: scaledTimeout(30_000) }, () => {
  let dir: string;
  const botsmith = (...args: string[]) => run(process.execPath, [BIN, ...args], { cwd: dir });
  async function configFile(name: string, config: unknown): Promise<string> {
    const path = join(dir, name);
    await writeFile(path, JSON.stringify(config));
    return path;
  }

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'botsmith-cli-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('prints help', async () => {
    const result = await botsmith('--help');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('botsmith generate --config FILE');
  });

  it('exits 2 on bad usage', async () => {
    expect((await botsmith('generate', '--out', 'x')).code).toBe(2);
    expect((await botsmith('generate', '--config', 'c.json', '--bogus')).code).toBe(2);
    expect((await botsmith('frobnicate')).code).toBe(2);
  });

  it('exits 1 on an invalid config, naming each field', async () => {
    const config = await configFile('bad.json', {
      platforms: [],
      project: { name: 'Bad Name!' },
      sessions: { ttlSeconds: 1 },
    });
    const result = await botsmith('generate', '--config', config, '--out', join(dir, 'bad'));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^ {2}platforms: /m);
    expect(result.stderr).toMatch(/^ {2}project\.name: /m);
    expect(result.stderr).toMatch(/^ {2}sessions\.ttlSeconds: /m);
  });

  it('upgrades a config saved with schema version 1, saying what changed', async () => {
    const config = await configFile('v1.json', {
      schemaVersion: 1,
      platforms: ['cli', 'telegram'],
      features: ['commands'],
      project: { name: 'old-bot' },
      runtime: { nodeVersion: '20' },
    });
    const out = join(dir, 'v1');
    const result = await botsmith('generate', '--config', config, '--out', out);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^Note: Node 20 reached end of life.*Node 22/m);
    const stored = JSON.parse(await readFile(join(out, '.botsmith.json'), 'utf8'));
    expect(stored.config).toMatchObject({ schemaVersion: 2, runtime: { nodeVersion: '22' } });
    expect(await readFile(join(out, 'Dockerfile'), 'utf8')).toContain('FROM node:22-slim');
  });

  it('exits 1 on a schema version from a newer Botsmith', async () => {
    const config = await configFile('future.json', { schemaVersion: 3, platforms: ['cli'] });
    const result = await botsmith('generate', '--config', config, '--zip', join(dir, 'f.zip'));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/schemaVersion: .*schema version 3, written by a newer Botsmith/);
  });

  it('exits 1 when the config file is not JSON', async () => {
    const path = join(dir, 'broken.json');
    await writeFile(path, '{ nope');
    const result = await botsmith('generate', '--config', path, '--zip', join(dir, 'x.zip'));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('not valid JSON');
  });

  // The first run resolves the lockfile against the registry; the later ones hit the cache.
  it('writes the project and the zip for a good config, and refuses a non-empty --out', {
    timeout: 240_000,
  }, async () => {
    const config = await configFile('good.json', { project: { name: 'cli-bot' } });
    const out = join(dir, 'out');
    const zip = join(dir, 'cli-bot.zip');
    const result = await botsmith('generate', '-c', config, '--out', out, '--zip', zip);
    expect(result.stderr).toBe('Resolving dependencies…\n');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('cli-bot');

    const manifest = JSON.parse(await readFile(join(out, 'package.json'), 'utf8'));
    expect(manifest.name).toBe('cli-bot');
    const entries = unzipSync(new Uint8Array(await readFile(zip)));
    expect(Object.keys(entries)).toContain('cli-bot/src/platforms/discord.ts');
    expect(Object.keys(entries)).toContain('cli-bot/package-lock.json');
    expect(JSON.parse(await readFile(join(out, 'package-lock.json'), 'utf8')).name).toBe('cli-bot');

    const again = await botsmith('generate', '-c', config, '--out', out);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('--force');
    expect((await botsmith('generate', '-c', config, '--out', out, '--force')).code).toBe(0);
  });
});
