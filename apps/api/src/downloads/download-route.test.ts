import { describeEachDatabase } from '@botsmith/db/testing';
import { generate } from '@botsmith/generators';
import { buildConfigSchema, featureUnavailableReason } from '@botsmith/shared';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { fakeLockfiles } from '../testing/test-lockfiles';
import { createTestServer } from '../testing/test-server';

describeEachDatabase('POST /api/download', (t) => {
  let server: ReturnType<typeof createTestServer>['server'];
  beforeAll(() => {
    ({ server } = createTestServer(t.db));
  });
  afterAll(() => server.stop());

  const download = (payload: unknown) =>
    server.app.inject({ method: 'POST', url: '/api/download', payload: payload as object });

  test('answers a zip of the generated project, named after it', async () => {
    const config = { project: { name: 'zippy-bot' } };
    const response = await download({ config });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/zip');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="zippy-bot.zip"; filename*=UTF-8''zippy-bot.zip`,
    );
    expect(response.headers['cache-control']).toBe('no-store');

    const entries = unzipSync(new Uint8Array(response.rawPayload));
    const expected = [
      ...generate(buildConfigSchema.parse(config)).files,
      { path: 'package-lock.json' },
    ];
    expect(Object.keys(entries).sort()).toEqual(expected.map((f) => `zippy-bot/${f.path}`).sort());
    const packageJson = JSON.parse(strFromU8(entries['zippy-bot/package.json'] as Uint8Array));
    expect(packageJson.name).toBe('zippy-bot');
    // Resolved for exactly this package.json (the fake package manager names what it read).
    const lock = JSON.parse(strFromU8(entries['zippy-bot/package-lock.json'] as Uint8Array));
    expect(lock.name).toBe('zippy-bot');
    expect(lock.packages[''].dependencies).toEqual({
      ...packageJson.dependencies,
      ...packageJson.devDependencies,
    });
  });

  test('a pnpm project gets pnpm-lock.yaml; "lockfile": false leaves it out', async () => {
    const config = { project: { name: 'pnpm-zip' }, runtime: { packageManager: 'pnpm' } };
    const names = async (payload: object) =>
      Object.keys(unzipSync(new Uint8Array((await download(payload)).rawPayload)));
    expect(await names({ config })).toContain('pnpm-zip/pnpm-lock.yaml');
    const without = await names({ config, lockfile: false });
    expect(without).not.toContain('pnpm-zip/pnpm-lock.yaml');
    expect(without).toContain('pnpm-zip/package.json');
  });

  test('a bad config is a 400 INVALID_CONFIG naming every bad field', async () => {
    const response = await download({
      config: { platforms: ['myspace'], project: { name: '../etc' }, surprise: true },
    });
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error.code).toBe('INVALID_CONFIG');
    expect(error.message).toMatch(/^The configuration is invalid: .*project\.name/);
    const paths = error.issues.map((issue: { path: string }) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(['platforms.0', 'project.name']));
    expect(error.issues.find((i: { path: string }) => i.path === 'platforms.0').step).toBe(1);
    expect(JSON.stringify(error.issues)).toContain('surprise');
  });

  test('a body without "config" is a 400 INVALID_REQUEST', async () => {
    const response = await download({ configuration: {} });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('INVALID_REQUEST');
  });

  test('a feature no chosen platform supports is INVALID_CONFIG with the reason the wizard shows', async () => {
    const response = await download({ config: { platforms: ['cli'], features: ['health'] } });
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error.code).toBe('INVALID_CONFIG');
    expect(error.issues).toEqual([
      { path: 'features.0', message: featureUnavailableReason('health', ['cli']), step: 3 },
    ]);
  });

  test('an unreachable registry is a 503 LOCKFILE_UNAVAILABLE without npm output', async () => {
    const offline = createTestServer(t.db, { addLockfile: fakeLockfiles('offline') });
    try {
      const response = await offline.server.app.inject({
        method: 'POST',
        url: '/api/download',
        payload: { config: { project: { name: 'offline-bot' } } },
      });
      expect(response.statusCode).toBe(503);
      expect(response.headers['retry-after']).toBe('30');
      const { error } = response.json();
      expect(error.code).toBe('LOCKFILE_UNAVAILABLE');
      expect(error.message).toMatch(/The package registry could not be reached\. Try again/);
      expect(error.message).not.toContain('ENOTFOUND');
      // The log keeps the package manager's reason for whoever runs the server.
      expect(offline.logs.text()).toContain('ENOTFOUND');
    } finally {
      await offline.server.stop();
    }
  });
});
