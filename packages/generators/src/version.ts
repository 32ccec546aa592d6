/**
 * The generator's own version, written into every generated `.botsmith.json`. Bump it when the
 * output changes so upgrade pull requests (SPEC §2 J6) know a project is behind.
 */
export const GENERATOR_VERSION = '0.7.0';
