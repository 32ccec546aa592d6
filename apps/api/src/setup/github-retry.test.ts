import { describe, expect, test } from 'vitest';
import { classifyGitHubError } from '../github/github-errors';
import { PermanentGitHubError, TransientGitHubError, withGitHubRetry } from './github-retry';

const httpError = (status: number, headers: Record<string, string> = {}, message = 'nope') =>
  Object.assign(new Error(message), { status, response: { headers, data: { message } } });
const policy = { tries: 3, baseDelayMs: 1, maxDelayMs: 50 };

describe('GitHub retries', () => {
  test('5xx, 429, secondary rate limits and network errors are transient; other 4xx permanent', () => {
    expect(classifyGitHubError(httpError(502)).kind).toBe('transient');
    expect(classifyGitHubError(httpError(429, { 'retry-after': '7' }))).toMatchObject({
      kind: 'transient',
      retryAfterMs: 7000,
    });
    expect(
      classifyGitHubError(httpError(403, {}, 'You have exceeded a secondary rate limit')).kind,
    ).toBe('transient');
    expect(classifyGitHubError(httpError(403, { 'retry-after': '1' })).kind).toBe('transient');
    expect(classifyGitHubError(new TypeError('fetch failed')).kind).toBe('transient');
    expect(classifyGitHubError(httpError(403, {}, 'Must have admin rights'))).toMatchObject({
      kind: 'permanent',
      status: 403,
      message: 'Must have admin rights',
    });
    expect(classifyGitHubError(httpError(422)).kind).toBe('permanent');
  });

  test('x-ratelimit-reset is the wait only when the budget is spent (GitHub sends it on every answer)', () => {
    const inAMinute = String(Math.floor(Date.now() / 1000) + 60);
    const budget = (remaining: string) => ({
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': remaining,
      'x-ratelimit-reset': inAMinute,
    });
    expect(classifyGitHubError(httpError(500, budget('4987')))).toMatchObject({
      kind: 'transient',
      retryAfterMs: null,
    });
    const spent = classifyGitHubError(httpError(403, budget('0'), 'API rate limit exceeded'));
    expect(spent.kind).toBe('transient');
    expect(spent.kind === 'transient' && spent.retryAfterMs).toBeGreaterThan(55_000);
    // retry-after wins over the reset.
    expect(
      classifyGitHubError(httpError(429, { ...budget('0'), 'retry-after': '3' })),
    ).toMatchObject({ retryAfterMs: 3000 });
  });

  test('retries transient failures, then succeeds', async () => {
    let calls = 0;
    const value = await withGitHubRetry(async () => {
      calls += 1;
      if (calls < 3) throw httpError(503);
      return 'ok';
    }, policy);
    expect([value, calls]).toEqual(['ok', 3]);
  });

  test('gives up after the last try, and never retries a 4xx', async () => {
    let calls = 0;
    await expect(
      withGitHubRetry(async () => {
        calls += 1;
        throw httpError(502);
      }, policy),
    ).rejects.toBeInstanceOf(TransientGitHubError);
    expect(calls).toBe(3);
    calls = 0;
    await expect(
      withGitHubRetry(async () => {
        calls += 1;
        throw httpError(404);
      }, policy),
    ).rejects.toBeInstanceOf(PermanentGitHubError);
    expect(calls).toBe(1);
  });

  test('honours retry-after (capped)', async () => {
    const delays: number[] = [];
    let calls = 0;
    await withGitHubRetry(
      async () => {
        calls += 1;
        if (calls === 1) throw httpError(429, { 'retry-after': '1' });
        return 'ok';
      },
      { ...policy, maxDelayMs: 20, onRetry: (_f, _a, delay) => void delays.push(delay) },
    );
    expect(delays).toEqual([20]);
  });
});
