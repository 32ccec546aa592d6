/**
 * `@botsmith/generators`: turns a validated `BuildConfig` into a complete bot project.
 * Pure and browser-safe; the `botsmith` CLI (src/cli.ts) wraps it for the terminal.
 *
 * @example
 * import { buildConfigSchema } from '@botsmith/shared';
 * import { generate, toZip } from '@botsmith/generators';
 * const project = generate(buildConfigSchema.parse({ project: { name: 'hello-bot' } }));
 * const zip = toZip(project); // files under hello-bot/
 */
export { generate } from './generate';
export { DuplicateFileError } from './lib/file-map';
export { lockfilePathOf } from './lib/package-manager';
export type { GeneratedFile, GeneratedProject } from './types';
export { GENERATOR_VERSION } from './version';
export { ACTION_VERSIONS, PACKAGE_VERSIONS } from './versions';
export { toZip } from './zip';
