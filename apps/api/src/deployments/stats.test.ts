import type { DeploymentTiming } from '@botsmith/db';
import { describe, expect, it } from 'vitest';
import { computeDeploymentStats, median, releases, SERIES_DAYS } from './stats';

const now = new Date('2026-11-22T12:00:00Z');
const MIN = 60_000;
const at = (iso: string) => new Date(iso);

/** A deployment that started at `start` and took `minutes` (unfinished without them). */
function run(
  status: DeploymentTiming['status'],
  start: string,
  minutes: number | null,
  extra: Partial<DeploymentTiming> = {},
): DeploymentTiming {
  const startedAt = at(start);
  return {
    projectId: 'p1',
    source: 'workflow_run',
    status,
    startedAt,
    completedAt: minutes === null ? null : new Date(startedAt.getTime() + minutes * MIN),
    committedAt: null,
    createdAt: startedAt,
    ...extra,
  };
}

describe('computeDeploymentStats', () => {
  it('no data: zero counts, null rates and times, 30 empty days ending today', () => {
    const stats = computeDeploymentStats([], now);
    expect(stats).toMatchObject({
      total: 0,
      succeeded: 0,
      failed: 0,
      successRate: null,
      medianDurationMs: null,
      mttrMs: null,
      leadTimeMs: null,
    });
    expect(stats.series).toHaveLength(SERIES_DAYS);
    expect(stats.series[0]?.day).toBe('2026-10-24');
    expect(stats.series.at(-1)).toEqual({ day: '2026-11-22', success: 0, failure: 0, other: 0 });
  });

  it('only failures: success rate 0, no recovery, no lead time', () => {
    const stats = computeDeploymentStats(
      [run('failure', '2026-11-20T10:00:00Z', 2), run('failure', '2026-11-21T10:00:00Z', 4)],
      now,
    );
    expect(stats).toMatchObject({ failed: 2, successRate: 0, mttrMs: null, leadTimeMs: null });
    expect(stats.medianDurationMs).toBe(3 * MIN);
  });

  it('unfinished and cancelled runs count in the total but not in rates or durations', () => {
    const stats = computeDeploymentStats(
      [
        run('success', '2026-11-20T10:00:00Z', 5),
        run('in_progress', '2026-11-22T11:00:00Z', null),
        run('queued', '2026-11-22T11:30:00Z', null, { startedAt: null }),
        run('cancelled', '2026-11-21T10:00:00Z', 1),
      ],
      now,
    );
    expect(stats).toMatchObject({ total: 4, succeeded: 1, failed: 0, successRate: 1 });
    expect(stats.medianDurationMs).toBe(5 * MIN);
    expect(stats.series.at(-1)).toEqual({ day: '2026-11-22', success: 0, failure: 0, other: 2 });
  });

  it('MTTR runs from the first failure of a streak to the next success', () => {
    const stats = computeDeploymentStats(
      [
        run('failure', '2026-11-20T10:00:00Z', 0), // streak starts 10:00
        run('failure', '2026-11-20T10:30:00Z', 0),
        run('success', '2026-11-20T11:00:00Z', 0), // recovered after 60 min
        run('success', '2026-11-20T12:00:00Z', 0),
        run('failure', '2026-11-20T13:00:00Z', 0),
        run('success', '2026-11-20T13:20:00Z', 0), // recovered after 20 min
        run('failure', '2026-11-20T14:00:00Z', 0), // still broken: not counted
      ],
      now,
    );
    expect(stats.mttrMs).toBe(40 * MIN);
    expect(stats.successRate).toBeCloseTo(3 / 7);
  });

  it('MTTR does not pair one project’s failure with another project’s success', () => {
    const stats = computeDeploymentStats(
      [
        run('failure', '2026-11-20T10:00:00Z', 0, { projectId: 'a' }),
        run('success', '2026-11-20T11:00:00Z', 0, { projectId: 'b' }),
      ],
      now,
    );
    expect(stats.mttrMs).toBeNull();
  });

  it('lead time is the median commit → successful completion', () => {
    const stats = computeDeploymentStats(
      [
        run('success', '2026-11-20T10:00:00Z', 10, { committedAt: at('2026-11-20T09:50:00Z') }),
        run('success', '2026-11-21T10:00:00Z', 10, { committedAt: at('2026-11-21T09:00:00Z') }),
        run('success', '2026-11-21T12:00:00Z', 10, { committedAt: at('2026-11-21T11:40:00Z') }),
        run('failure', '2026-11-21T13:00:00Z', 10, { committedAt: at('2026-11-20T00:00:00Z') }),
        run('success', '2026-11-21T14:00:00Z', 10), // commit time unknown
      ],
      now,
    );
    expect(stats.leadTimeMs).toBe(30 * MIN);
  });

  it('the series buckets by UTC day and ignores anything older than 30 days', () => {
    const stats = computeDeploymentStats(
      [
        run('success', '2026-11-21T23:59:59Z', 1),
        run('failure', '2026-11-22T00:00:00Z', 1),
        run('success', '2026-10-24T00:00:00Z', 1),
        run('success', '2026-10-23T23:59:59Z', 1),
      ],
      now,
    );
    expect(stats.total).toBe(4);
    const byDay = Object.fromEntries(stats.series.map((d) => [d.day, d]));
    expect(byDay['2026-11-21']).toMatchObject({ success: 1, failure: 0 });
    expect(byDay['2026-11-22']).toMatchObject({ success: 0, failure: 1 });
    expect(byDay['2026-10-24']).toMatchObject({ success: 1 });
    expect(stats.series.reduce((n, d) => n + d.success + d.failure + d.other, 0)).toBe(3);
  });
});

describe('releases', () => {
  it('measures a deploying project by its GitHub deployments, others by their workflow runs', () => {
    const ci = run('failure', '2026-11-20T10:00:00Z', 3);
    const deployRun = run('success', '2026-11-20T11:00:00Z', 5);
    const deployment = run('success', '2026-11-20T11:01:00Z', 4, { source: 'deployment' });
    const otherCi = run('success', '2026-11-20T12:00:00Z', 2, { projectId: 'p2' });
    expect(releases([ci, deployRun, deployment, otherCi])).toEqual([deployment, otherCi]);
    const stats = computeDeploymentStats([ci, deployRun, deployment, otherCi], now);
    expect(stats).toMatchObject({ total: 2, succeeded: 2, failed: 0, successRate: 1 });
  });
});

describe('median', () => {
  it('takes the middle, or the mean of the two middles', () => {
    expect(median([])).toBeNull();
    expect(median([5])).toBe(5);
    expect(median([9, 1, 5])).toBe(5);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});
