import type { DeploymentTiming } from '@botsmith/db';
import type { DeploymentStats } from '@botsmith/shared';

/** How many UTC days the series covers, today included. */
export const SERIES_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Dashboard statistics over deployments (all of a user's projects, or one). Pure: `now` fixes
 * the series' last day. Durations in milliseconds; nothing finished → `null` rates and times.
 *
 * - success rate: succeeded / (succeeded + failed); cancelled runs count in neither.
 * - median duration: started → completed over succeeded and failed runs.
 * - MTTR: per project in completion order, from the first failure of a streak to the next
 *   success; the mean over every recovered streak (an open streak has not recovered yet).
 * - lead time: median of commit → completion over successful runs that know their commit time.
 *
 * A project that reports GitHub deployments is measured by those alone: the deploy workflow's
 * run and the deployment it creates are one release, and its CI runs are not releases. A
 * project without any (no deploy target) is measured by its workflow runs.
 *
 * @example computeDeploymentStats(rows, new Date()).successRate // 0.75
 */
export function computeDeploymentStats(all: DeploymentTiming[], now: Date): DeploymentStats {
  const rows = releases(all);
  const succeeded = rows.filter((r) => r.status === 'success');
  const failed = rows.filter((r) => r.status === 'failure');
  const finished = succeeded.length + failed.length;
  return {
    total: rows.length,
    succeeded: succeeded.length,
    failed: failed.length,
    successRate: finished === 0 ? null : succeeded.length / finished,
    medianDurationMs: median(
      [...succeeded, ...failed].flatMap((r) => span(r.startedAt, r.completedAt)),
    ),
    mttrMs: mean(recoveryTimes(rows)),
    leadTimeMs: median(succeeded.flatMap((r) => span(r.committedAt, r.completedAt))),
    series: dailySeries(rows, now),
  };
}

/** Per project, its GitHub deployments when it has any, else its workflow runs. */
export function releases(rows: DeploymentTiming[]): DeploymentTiming[] {
  const deploying = new Set(rows.filter((r) => r.source === 'deployment').map((r) => r.projectId));
  return rows.filter((r) => r.source === 'deployment' || !deploying.has(r.projectId));
}

/** `[to - from]` when both are known and in order, else `[]` (for flatMap). */
function span(from: Date | null, to: Date | null): number[] {
  if (!from || !to) return [];
  const ms = to.getTime() - from.getTime();
  return ms >= 0 ? [ms] : [];
}

function recoveryTimes(rows: DeploymentTiming[]): number[] {
  const byProject = new Map<string, DeploymentTiming[]>();
  for (const row of rows) {
    if ((row.status !== 'success' && row.status !== 'failure') || !row.completedAt) continue;
    byProject.set(row.projectId, [...(byProject.get(row.projectId) ?? []), row]);
  }
  const times: number[] = [];
  for (const runs of byProject.values()) {
    runs.sort((a, b) => (a.completedAt?.getTime() ?? 0) - (b.completedAt?.getTime() ?? 0));
    let brokenSince: Date | null = null;
    for (const run of runs) {
      if (run.status === 'failure') brokenSince ??= run.completedAt;
      else if (brokenSince && run.completedAt) {
        times.push(run.completedAt.getTime() - brokenSince.getTime());
        brokenSince = null;
      }
    }
  }
  return times;
}

function dailySeries(rows: DeploymentTiming[], now: Date): DeploymentStats['series'] {
  const today = Math.floor(now.getTime() / DAY_MS);
  const first = today - (SERIES_DAYS - 1);
  const series = Array.from({ length: SERIES_DAYS }, (_, i) => ({
    day: new Date((first + i) * DAY_MS).toISOString().slice(0, 10),
    success: 0,
    failure: 0,
    other: 0,
  }));
  for (const row of rows) {
    // A deployment counts on the day it started (or was reported, when it never started).
    const day = Math.floor((row.startedAt ?? row.createdAt).getTime() / DAY_MS);
    const entry = series[day - first];
    if (!entry) continue;
    if (row.status === 'success') entry.success += 1;
    else if (row.status === 'failure') entry.failure += 1;
    else entry.other += 1;
  }
  return series;
}

/** The median, or `null` for no values; the mean of the two middle values for an even count. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function mean(values: number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}
