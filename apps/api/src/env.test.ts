import { afterEach, describe, expect, test, vi } from 'vitest';
import { loadEnv, parseEnv } from './env';

const KEY_A = Buffer.alloc(32, 1).toString('base64');
const KEY_B = Buffer.alloc(32, 2).toString('base64url');

/** What production needs at least. */
const PRODUCTION = {
  NODE_ENV: 'production',
  GITHUB_CLIENT_ID: 'Iv1.real-app',
  GITHUB_CLIENT_SECRET: 'real-secret-value',
  PUBLIC_URL: 'https://botsmith.example.com',
  ENCRYPTION_KEYS: `k1:${KEY_A}`,
};

describe('parseEnv', () => {
  test('an empty environment gets the development defaults', () => {
    const result = parseEnv({});
    expect(result).toMatchObject({
      ok: true,
      env: {
        NODE_ENV: 'development',
        PORT: 3000,
        HOST: '127.0.0.1',
        DATA_DIR: '.data',
        LOG_LEVEL: 'info',
      },
    });
    expect(result.ok && result.env.DATABASE_URL).toBeUndefined();
    expect(result.ok && result.env.WEB_DIST_DIR).toMatch(/apps[/\\]web[/\\]dist$/);
  });

  test('production listens on every interface; HOST still wins', () => {
    expect(parseEnv(PRODUCTION)).toMatchObject({ env: { HOST: '0.0.0.0' } });
    expect(parseEnv({ ...PRODUCTION, HOST: '10.0.0.1' })).toMatchObject({
      env: { HOST: '10.0.0.1' },
    });
  });

  test('reads every variable and treats empty values as unset', () => {
    const result = parseEnv({
      NODE_ENV: 'test',
      PORT: '8080',
      DATABASE_URL: 'postgres://u:p@db:5432/botsmith',
      DATA_DIR: '/var/lib/botsmith',
      LOG_LEVEL: 'debug',
      WEB_DIST_DIR: '/srv/web',
      HOST: '',
      UNRELATED: 'ignored',
    });
    expect(result).toMatchObject({
      ok: true,
      env: {
        NODE_ENV: 'test',
        PORT: 8080,
        HOST: '127.0.0.1',
        DATABASE_URL: 'postgres://u:p@db:5432/botsmith',
        DATA_DIR: '/var/lib/botsmith',
        LOG_LEVEL: 'debug',
        WEB_DIST_DIR: '/srv/web',
        PUBLIC_URL: 'http://127.0.0.1:8080',
        ENCRYPTION_KEYS: undefined,
        CORS_ORIGINS: [],
        TRUST_PROXY: false,
        RATE_LIMITS: { auth: 10, api: 600, webhook: 1000 },
      },
    });
  });

  test('names every bad variable, without echoing the database URL', () => {
    const result = parseEnv({
      NODE_ENV: 'staging',
      PORT: 'eighty',
      DATABASE_URL: 'mysql://root:hunter2@db/x',
      LOG_LEVEL: 'loud',
    });
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(errors).toHaveLength(4);
    expect(errors.find((e) => e.startsWith('NODE_ENV:'))).toContain('"staging"');
    expect(errors.find((e) => e.startsWith('PORT:'))).toMatch(/must be a port number/);
    expect(errors.find((e) => e.startsWith('LOG_LEVEL:'))).toContain('"loud"');
    expect(errors.find((e) => e.startsWith('DATABASE_URL:'))).toMatch(/postgres:\/\//);
    expect(errors.join('\n')).not.toContain('hunter2');
  });

  test('rejects out-of-range ports', () => {
    const result = parseEnv({ PORT: '70000' });
    expect(result.ok ? [] : result.errors).toEqual([
      'PORT: must be between 0 and 65535 (got "70000")',
    ]);
  });
});

describe('GitHub, security and encryption settings', () => {
  test('development without credentials uses the local emulator and says which', () => {
    const result = parseEnv({});
    expect(result.ok && result.env.GITHUB).toEqual({
      webUrl: 'http://127.0.0.1:4010',
      apiUrl: 'http://127.0.0.1:4010',
      clientId: 'botsmith-dev-client',
      clientSecret: 'botsmith-dev-secret',
      emulator: true,
      requestTimeoutMs: 15_000,
    });
    const elsewhere = parseEnv({ NODE_ENV: 'test', GITHUB_EMULATOR_URL: 'http://127.0.0.1:4011/' });
    expect(elsewhere.ok && elsewhere.env.GITHUB.webUrl).toBe('http://127.0.0.1:4011');
  });

  test('github.com by default; Enterprise Server gets /api/v3', () => {
    const dotCom = parseEnv(PRODUCTION);
    expect(dotCom.ok && dotCom.env.GITHUB).toEqual({
      webUrl: 'https://github.com',
      apiUrl: 'https://api.github.com',
      clientId: 'Iv1.real-app',
      clientSecret: 'real-secret-value',
      emulator: false,
      requestTimeoutMs: 15_000,
    });
    const ghes = parseEnv({ ...PRODUCTION, GITHUB_URL: 'https://ghe.example.com/' });
    expect(ghes.ok && ghes.env.GITHUB).toMatchObject({
      webUrl: 'https://ghe.example.com',
      apiUrl: 'https://ghe.example.com/api/v3',
    });
    const explicit = parseEnv({ ...PRODUCTION, GITHUB_API_URL: 'https://api.proxy.example/' });
    expect(explicit.ok && explicit.env.GITHUB.apiUrl).toBe('https://api.proxy.example');
  });

  test('GITHUB_REQUEST_TIMEOUT_MS sets how long one GitHub request may take', () => {
    const set = parseEnv({ GITHUB_REQUEST_TIMEOUT_MS: '5000' });
    expect(set.ok && set.env.GITHUB.requestTimeoutMs).toBe(5000);
    for (const bad of ['soon', '50', '1.5', '600000']) {
      const result = parseEnv({ GITHUB_REQUEST_TIMEOUT_MS: bad });
      expect(result.ok ? [] : result.errors, bad).toEqual([
        expect.stringMatching(/^GITHUB_REQUEST_TIMEOUT_MS: must be .*milliseconds/),
      ]);
    }
  });

  test('production refuses the emulator, missing credentials, keys and public URL', () => {
    const bare = parseEnv({ NODE_ENV: 'production' });
    expect(bare.ok ? [] : bare.errors.map((line) => line.split(':', 1)[0]).sort()).toEqual([
      'ENCRYPTION_KEYS',
      'GITHUB_CLIENT_ID',
      'PUBLIC_URL',
    ]);
    const emulated = parseEnv({
      ...PRODUCTION,
      GITHUB_EMULATOR_URL: 'http://127.0.0.1:4010',
      GITHUB_CLIENT_ID: 'botsmith-dev-client',
    });
    expect(emulated.ok ? [] : emulated.errors).toEqual([
      expect.stringMatching(/^GITHUB_EMULATOR_URL: .*development and tests only/),
      expect.stringMatching(/^GITHUB_CLIENT_ID: .*emulator/),
    ]);
    const plainHttp = parseEnv({ ...PRODUCTION, PUBLIC_URL: 'http://botsmith.example.com' });
    expect(plainHttp.ok ? [] : plainHttp.errors).toEqual([
      expect.stringMatching(/^PUBLIC_URL: must be https:\/\//),
    ]);
    // Browsers treat loopback as secure, so a local production container works over http.
    expect(parseEnv({ ...PRODUCTION, PUBLIC_URL: 'http://localhost:3000' }).ok).toBe(true);
  });

  test('client id and secret come together; the secret is never echoed', () => {
    const result = parseEnv({ GITHUB_CLIENT_SECRET: 'shhh-very-secret' });
    expect(result.ok ? [] : result.errors).toEqual([
      'GITHUB_CLIENT_ID: set GITHUB_CLIENT_ID and GITHUB_CLIENT_SECRET together',
    ]);
    expect(JSON.stringify(result)).not.toContain('shhh-very-secret');
  });

  test('ENCRYPTION_KEYS lists id:key pairs, current first; bad ones are named, not echoed', () => {
    const result = parseEnv({ ENCRYPTION_KEYS: `new:${KEY_B}, old:${KEY_A}` });
    expect(result.ok && result.env.ENCRYPTION_KEYS?.map((key) => key.id)).toEqual(['new', 'old']);
    expect(result.ok && result.env.ENCRYPTION_KEYS?.[0]?.key).toEqual(Buffer.alloc(32, 2));

    for (const [value, message] of [
      ['k1:c2hvcnQ=', 'key "k1" must be 32 bytes of base64'],
      [KEY_A, 'entry 1 must look like "<id>:<base64 key>"'],
      [`k1:${KEY_A},k1:${KEY_B}`, 'entry 2 repeats the key id "k1"'],
    ] as const) {
      const bad = parseEnv({ ENCRYPTION_KEYS: value });
      expect(bad.ok ? '' : bad.errors.join('\n')).toContain(message);
      expect(bad.ok ? '' : bad.errors.join('\n')).not.toContain(KEY_A);
    }
  });

  test('CORS origins, proxies and rate limits', () => {
    const result = parseEnv({
      CORS_ORIGINS: 'https://admin.example.com, http://localhost:8080/',
      TRUST_PROXY: '2',
      RATE_LIMIT_AUTH_PER_MINUTE: '5',
      RATE_LIMIT_API_PER_MINUTE: '0',
    });
    expect(result).toMatchObject({
      ok: true,
      env: {
        CORS_ORIGINS: ['https://admin.example.com', 'http://localhost:8080'],
        TRUST_PROXY: 2,
        RATE_LIMITS: { auth: 5, api: 0, webhook: 1000 },
      },
    });
    expect(parseEnv({ TRUST_PROXY: '10.0.0.0/8,127.0.0.1' })).toMatchObject({
      env: { TRUST_PROXY: ['10.0.0.0/8', '127.0.0.1'] },
    });
    const bad = parseEnv({
      CORS_ORIGINS: 'https://a.example/path',
      RATE_LIMIT_API_PER_MINUTE: '-1',
    });
    expect(bad.ok ? [] : bad.errors).toEqual([
      'RATE_LIMIT_API_PER_MINUTE: must be 0 (off) or more (got "-1")',
      'CORS_ORIGINS: "https://a.example/path" is not an origin like https://app.example.com (got "https://a.example/path")',
    ]);
  });
});

describe('loadEnv', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  test('prints every problem and exits with 1', () => {
    const exit = vi.spyOn(process, 'exit').mockImplementation((() => {
      throw new Error('exit');
    }) as never);
    const printed: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((message: string) => {
      printed.push(message);
    });
    expect(() => loadEnv({ PORT: '-1', NODE_ENV: 'prod' })).toThrow('exit');
    expect(exit).toHaveBeenCalledWith(1);
    expect(printed.join('\n')).toMatch(/Invalid environment:[\s\S]*NODE_ENV:[\s\S]*PORT:/);
  });

  test('returns the parsed environment when it is valid', () => {
    expect(loadEnv({ PORT: '4000' }).PORT).toBe(4000);
  });
});
