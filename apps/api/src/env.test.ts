import { afterEach, describe, expect, test, vi } from 'vitest';
import { loadEnv, parseEnv } from './env';

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
    expect(parseEnv({ NODE_ENV: 'production' })).toMatchObject({ env: { HOST: '0.0.0.0' } });
    expect(parseEnv({ NODE_ENV: 'production', HOST: '10.0.0.1' })).toMatchObject({
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
    expect(result).toEqual({
      ok: true,
      env: {
        NODE_ENV: 'test',
        PORT: 8080,
        HOST: '127.0.0.1',
        DATABASE_URL: 'postgres://u:p@db:5432/botsmith',
        DATA_DIR: '/var/lib/botsmith',
        LOG_LEVEL: 'debug',
        WEB_DIST_DIR: '/srv/web',
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
