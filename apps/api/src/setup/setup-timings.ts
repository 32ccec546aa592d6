/** How patient setup is; tests shorten these. */
export interface SetupTimings {
  /** A worker's lease on a run; renewed every third of it while the run executes. */
  leaseTtlMs: number;
  /** How often the sweep looks for runs whose worker died. */
  sweepIntervalMs: number;
  /** GitHub calls inside a step: tries and first backoff before the job itself is retried. */
  tries: number;
  retryBaseDelayMs: number;
  /** Longest `retry-after` honoured inside a step; longer waits are left to the job queue. */
  maxRetryDelayMs: number;
  /** How long the first workflow run is followed, and the first poll interval. */
  firstRunTimeoutMs: number;
  firstRunPollMs: number;
}

export const DEFAULT_SETUP_TIMINGS: SetupTimings = {
  leaseTtlMs: 10_000,
  sweepIntervalMs: 3_000,
  tries: 4,
  retryBaseDelayMs: 500,
  maxRetryDelayMs: 60_000,
  firstRunTimeoutMs: 10 * 60_000,
  firstRunPollMs: 1_000,
};
