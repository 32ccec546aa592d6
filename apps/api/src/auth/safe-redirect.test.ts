import { describe, expect, test } from 'vitest';
import { safeRedirectPath } from './safe-redirect';

const PUBLIC = 'https://botsmith.example.com';

describe('safeRedirectPath', () => {
  test.each([
    ['/account', '/account'],
    ['/dashboard?tab=deployments#latest', '/dashboard?tab=deployments#latest'],
    ['/a/../b', '/b'],
    ['/./account', '/account'],
    ['/a/.//b', '/a//b'],
  ])('keeps the same-origin path %s', (input, expected) => {
    expect(safeRedirectPath(input, PUBLIC)).toBe(expected);
  });

  test.each([
    ['https://evil.example/'],
    ['//evil.example/x'],
    ['/\\evil.example'],
    ['\\\\evil.example'],
    ['javascript:alert(1)'],
    ['/\t/evil.example'],
    ['/auth/github'],
    ['/auth/github/callback?code=x'],
    ['account'],
    [''],
    [undefined],
    [['/a']],
    [`/${'a'.repeat(3000)}`],
    // Dot segments that only become `//host` (protocol-relative) once normalised.
    ['/.//evil.example'],
    ['/./\\evil.example'],
    ['/%2e//evil.example'],
    ['/%2E//evil.example/path?q=1'],
    ['/..//evil.example'],
    ['/a/..//evil.example'],
    ['/././/evil.example'],
    ['/.%2e//evil.example'],
    ['/./auth/github'],
  ])('falls back to / for %j', (input) => {
    expect(safeRedirectPath(input, PUBLIC)).toBe('/');
  });
});
