import type { FastifyBaseLogger } from 'fastify';

/** The part of `process` the handlers attach to (tests pass an EventEmitter). */
interface ProcessLike {
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
  on(event: 'uncaughtException', listener: (error: Error) => void): unknown;
}

/**
 * Logs an unhandled rejection or uncaught exception as `fatal` (a JSON line with the error,
 * not Node's bare stack on stderr) and exits 1. A bug that escaped every handler leaves the
 * process in an unknown state: a supervisor's clean restart is safer, and setups resume by
 * their lease.
 *
 * @example exitOnFatalErrors(logger);
 */
export function exitOnFatalErrors(
  logger: Pick<FastifyBaseLogger, 'fatal'>,
  target: ProcessLike = process,
  exit: (code: number) => void = (code) => process.exit(code),
): void {
  target.on('unhandledRejection', (reason) => {
    logger.fatal({ err: reason }, 'unhandled promise rejection; exiting');
    exit(1);
  });
  target.on('uncaughtException', (err) => {
    logger.fatal({ err }, 'uncaught exception; exiting');
    exit(1);
  });
}
