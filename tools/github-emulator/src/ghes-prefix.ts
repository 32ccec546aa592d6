/** The REST prefix GitHub Enterprise Server uses; every REST route also answers under it. */
export const GHES_PREFIX = '/api/v3';
