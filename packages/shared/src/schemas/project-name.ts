import { z } from 'zod';

// npm refuses these as package names, and a repository named like them confuses tools.
const RESERVED_NAMES = new Set([
  'node_modules',
  'favicon.ico',
  'assert',
  'buffer',
  'child_process',
  'cluster',
  'console',
  'constants',
  'crypto',
  'dgram',
  'dns',
  'domain',
  'events',
  'fs',
  'http',
  'http2',
  'https',
  'module',
  'net',
  'os',
  'path',
  'process',
  'punycode',
  'querystring',
  'readline',
  'repl',
  'stream',
  'string_decoder',
  'sys',
  'test',
  'timers',
  'tls',
  'tty',
  'url',
  'util',
  'v8',
  'vm',
  'worker_threads',
  'zlib',
]);

/**
 * A project name that is valid both as a GitHub repository name and as an npm package name:
 * lowercase letters, digits, `-`, `_` and `.`, starting with a letter or digit.
 */
export const projectNameSchema = z
  .string()
  .min(1, 'is required')
  .max(100, 'must be at most 100 characters')
  .regex(
    /^[a-z0-9][a-z0-9._-]*$/,
    'must start with a lowercase letter or digit and contain only a-z, 0-9, "-", "_" and "."',
  )
  .refine((name) => !name.endsWith('.git'), { message: 'must not end with ".git"' })
  .refine((name) => !RESERVED_NAMES.has(name), { message: 'is a reserved name' });
