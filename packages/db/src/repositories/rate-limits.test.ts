import { expect, test } from 'vitest';
import { describeEachDatabase } from '../testing';
import { deleteExpiredRateLimits, hitRateLimit } from './rate-limits';

describeEachDatabase('rate limits repository', (t) => {
  const start = new Date('2026-11-23T10:00:00Z');
  const at = (ms: number) => new Date(start.getTime() + ms);

  test('counts hits in a fixed window and starts over when it ends', async () => {
    expect(await hitRateLimit(t.db, 'k', 60_000, start)).toEqual({ count: 1, resetAt: at(60_000) });
    expect(await hitRateLimit(t.db, 'k', 60_000, at(10_000))).toEqual({
      count: 2,
      resetAt: at(60_000),
    });
    expect(await hitRateLimit(t.db, 'other', 60_000, at(10_000))).toMatchObject({ count: 1 });
    expect(await hitRateLimit(t.db, 'k', 60_000, at(60_000))).toEqual({
      count: 1,
      resetAt: at(120_000),
    });
  });

  test('concurrent hits are all counted', async () => {
    const hits = await Promise.all(
      Array.from({ length: 20 }, () => hitRateLimit(t.db, 'burst', 60_000, start)),
    );
    expect(hits.map((hit) => hit.count).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
  });

  test('one call can count several hits (a tRPC batch of calls), also when a window starts', async () => {
    expect(await hitRateLimit(t.db, 'batch', 60_000, start, 3)).toEqual({
      count: 3,
      resetAt: at(60_000),
    });
    expect(await hitRateLimit(t.db, 'batch', 60_000, at(1000), 4)).toMatchObject({ count: 7 });
    expect(await hitRateLimit(t.db, 'batch', 60_000, at(1000))).toMatchObject({ count: 8 });
    expect(await hitRateLimit(t.db, 'batch', 60_000, at(60_000), 5)).toEqual({
      count: 5,
      resetAt: at(120_000),
    });
  });

  test('deleteExpiredRateLimits drops ended windows', async () => {
    expect(await deleteExpiredRateLimits(t.db, at(70_000))).toBe(2);
    const left = await t.db.selectFrom('rateLimits').select('key').orderBy('key').execute();
    expect(left).toEqual([{ key: 'batch' }, { key: 'k' }]);
  });
});
