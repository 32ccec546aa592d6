/**
 * An error reduced to name, message, stack and HTTP status for logging. Octokit's and fetch's
 * errors carry request and response objects (headers, bodies) that could hold credentials;
 * the stack and status are what a log reader needs.
 *
 * @example request.log.error({ err: loggableError(error) }, 'GitHub call failed');
 */
export function loggableError(error: unknown): {
  type: string;
  message: string;
  stack?: string;
  status?: number;
  cause?: unknown;
} {
  if (!(error instanceof Error)) return { type: typeof error, message: String(error) };
  const status = (error as { status?: unknown }).status;
  return {
    type: error.name,
    message: error.message,
    ...(error.stack ? { stack: error.stack } : {}),
    ...(typeof status === 'number' ? { status } : {}),
    ...(error.cause !== undefined ? { cause: loggableError(error.cause) } : {}),
  };
}
