import type { FastifyRequest } from 'fastify';
import { type DestinationStream, type Logger, type LoggerOptions, pino } from 'pino';

/**
 * Header paths that must never reach a log line, whoever logs the headers. Fastify's default
 * request serializer logs no headers or bodies; this guards custom log calls too.
 */
const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-hub-signature-256"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  'body',
  'req.body',
];

/** JSON logger options: redaction, and request lines without query strings or bodies. */
export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    serializers: {
      req(request: FastifyRequest) {
        return {
          method: request.method,
          // Query strings carry tRPC inputs (configs) and OAuth codes: log the path only.
          url: request.url.split('?', 1)[0],
          remoteAddress: request.ip,
        };
      },
    },
  };
}

/**
 * The process-wide pino logger (JSON lines on stdout, or `destination` in tests).
 *
 * @example const log = createLogger('info'); log.info({ port }, 'listening');
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return destination ? pino(loggerOptions(level), destination) : pino(loggerOptions(level));
}
