import { createDatabase } from '@botsmith/db';
import { afterAll, describe, expect, test } from 'vitest';
import { createTestServer, UNREACHABLE_GITHUB } from '../testing/test-server';
import { avatarOrigins } from './security-headers';

// None of these requests touches the database: probes, OPTIONS and headers only.
const { db, close } = createDatabase({ url: 'postgres://postgres@127.0.0.1:9/unused' });
afterAll(() => close());

const EXPECTED_CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  `img-src 'self' data: ${UNREACHABLE_GITHUB.webUrl}`,
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join(';');

describe('security headers', () => {
  test('a strict CSP, nosniff, no framing and no HSTS over http in development and tests', async () => {
    const { server } = createTestServer(db);
    const response = await server.app.inject('/health');
    expect(response.headers['content-security-policy']).toBe(EXPECTED_CSP);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(response.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(response.headers['strict-transport-security']).toBeUndefined();
    await server.stop();
  });

  test('production over https adds HSTS and upgrade-insecure-requests', async () => {
    const { server } = createTestServer(db, {
      nodeEnv: 'production',
      publicUrl: 'https://botsmith.example.com',
    });
    const response = await server.app.inject('/health');
    expect(response.headers['strict-transport-security']).toBe(
      'max-age=31536000; includeSubDomains',
    );
    expect(response.headers['content-security-policy']).toContain(';upgrade-insecure-requests');
    await server.stop();

    // A production container on http://localhost must not pin or upgrade to https.
    const local = createTestServer(db, {
      nodeEnv: 'production',
      publicUrl: 'http://localhost:3000',
    });
    const plain = await local.server.app.inject('/health');
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    expect(plain.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    await local.server.stop();
  });

  test('avatars may load from the configured GitHub', () => {
    const base = { ...UNREACHABLE_GITHUB, emulator: false };
    expect(avatarOrigins({ ...base, webUrl: 'https://github.com' })).toEqual([
      'https://avatars.githubusercontent.com',
    ]);
    expect(avatarOrigins({ ...base, webUrl: 'https://ghe.example.com' })).toEqual([
      'https://ghe.example.com',
      'https://avatars.ghe.example.com',
    ]);
  });
});

describe('CORS', () => {
  test('only allowlisted origins get CORS headers (with credentials)', async () => {
    const { server } = createTestServer(db, { corsOrigins: ['https://admin.example.com'] });
    const preflight = (origin: string) =>
      server.app.inject({
        method: 'OPTIONS',
        url: '/trpc/auth.me',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
    const allowed = await preflight('https://admin.example.com');
    expect(allowed.headers['access-control-allow-origin']).toBe('https://admin.example.com');
    expect(allowed.headers['access-control-allow-credentials']).toBe('true');
    const foreign = await preflight('https://evil.example');
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
    await server.stop();
  });

  test('with no allowlist no origin gets CORS headers', async () => {
    const { server } = createTestServer(db);
    const response = await server.app.inject({
      url: '/health',
      headers: { origin: 'http://127.0.0.1:3000' },
    });
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
    await server.stop();
  });
});
