import { GHES_PREFIX } from '../ghes-prefix';
import type { EmulatorState, Fault, HeldRequest } from '../state';

/** The path a fault or log entry is matched on: no query, no `/api/v3`, no trailing slash. */
export function normalizePath(url: string): string {
  let path = url.split('?')[0] ?? '/';
  if (path === GHES_PREFIX || path.startsWith(`${GHES_PREFIX}/`))
    path = path.slice(GHES_PREFIX.length);
  if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  return path || '/';
}

function pathMatches(pattern: string, path: string): boolean {
  if (pattern === path) return true;
  try {
    return new RegExp(`^(?:${pattern})$`).test(path);
  } catch {
    return false;
  }
}

/**
 * Takes one use of the first fault matching the request, or returns undefined. A fault's
 * `path` matches exactly or as an anchored regular expression source.
 */
export function takeFault(state: EmulatorState, method: string, url: string): Fault | undefined {
  const path = normalizePath(url);
  const fault = state.faults.find(
    (f) =>
      f.remaining > 0 &&
      (f.method === '*' || f.method === method.toUpperCase()) &&
      pathMatches(f.path, path),
  );
  if (!fault) return undefined;
  fault.remaining -= 1;
  state.faults = state.faults.filter((f) => f.remaining > 0);
  return fault;
}

/** The body a fault answers with when none was given: GitHub's wording for that status. */
export function defaultFaultBody(status: number): Record<string, unknown> {
  const messages: Record<number, string> = {
    403: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
    429: 'API rate limit exceeded',
    500: 'Server Error',
    502: 'Server Error',
    503: 'Service Unavailable',
  };
  return {
    message: messages[status] ?? 'Injected fault',
    documentation_url: 'https://docs.github.com/rest',
    status: String(status),
  };
}

// Release callbacks of held requests, per state (functions stay out of the state view).
const releases = new WeakMap<EmulatorState, Set<() => void>>();

/**
 * Holds a request for the fault's `holdMs`, listed in `state.held` meanwhile; `releaseHeld`
 * ends every hold early. Lets a test kill the client while GitHub "takes its time".
 */
export function holdRequest(
  state: EmulatorState,
  fault: Fault,
  method: string,
  path: string,
): Promise<void> {
  const entry: HeldRequest = { faultId: fault.id, method, path, at: new Date().toISOString() };
  state.held.push(entry);
  let pending = releases.get(state);
  if (!pending) {
    pending = new Set();
    releases.set(state, pending);
  }
  const waiting = pending;
  return new Promise((resolve) => {
    const release = () => {
      clearTimeout(timer);
      waiting.delete(release);
      state.held = state.held.filter((held) => held !== entry);
      resolve();
    };
    const timer = setTimeout(release, fault.holdMs);
    waiting.add(release);
  });
}

/** Ends every hold now; each held request then gets what its fault says. */
export function releaseHeld(state: EmulatorState): void {
  for (const release of [...(releases.get(state) ?? [])]) release();
}
