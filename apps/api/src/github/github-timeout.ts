/** GitHub (REST or the OAuth token endpoint) did not answer within the configured time. */
export class GitHubTimeoutError extends Error {
  override readonly name = 'GitHubTimeoutError';

  constructor(
    readonly timeoutMs: number,
    options?: ErrorOptions,
  ) {
    super(`GitHub did not answer within ${seconds(timeoutMs)}`, options);
  }
}

/** `1500` → `1.5 s`. */
export function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`;
}

/** The timeout behind `error`, if any: Octokit wraps what its `fetch` throws as a `cause`. */
export function gitHubTimeoutOf(error: unknown): GitHubTimeoutError | undefined {
  let current = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth += 1) {
    if (current instanceof GitHubTimeoutError) return current;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

// Statuses whose Response may not have a body (the Response constructor refuses one).
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/**
 * A `fetch` for Octokit's `request.fetch` that gives up after `timeoutMs` — per request, and
 * for the whole exchange: the body is read inside the deadline too, since Octokit reads it
 * later and swallows errors there. `signal` (e.g. a setup run's) aborts it early as well.
 *
 * @example new Octokit({ request: { fetch: fetchWithTimeout(15_000, run.signal) } })
 */
export function fetchWithTimeout(timeoutMs: number, signal?: AbortSignal): typeof fetch {
  return async (input, init) => {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signals = [timeout, signal, init?.signal].filter((s): s is AbortSignal => Boolean(s));
    try {
      const response = await fetch(input, { ...init, signal: AbortSignal.any(signals) });
      const body = NULL_BODY_STATUSES.has(response.status) ? null : await response.arrayBuffer();
      const buffered = new Response(body, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
      Object.defineProperty(buffered, 'url', { value: response.url });
      return buffered;
    } catch (error) {
      if (timeout.aborted) throw new GitHubTimeoutError(timeoutMs, { cause: error });
      throw error;
    }
  };
}

/**
 * Rejects with `GitHubTimeoutError` when `call` has not settled after `timeoutMs`. For
 * clients that take no signal (Arctic's token request): the caller stops waiting, though the
 * request itself runs on until GitHub or undici ends it.
 */
export async function withTimeout<T>(call: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new GitHubTimeoutError(timeoutMs)), timeoutMs);
  });
  try {
    return await Promise.race([call, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
