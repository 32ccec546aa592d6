/** PostgreSQL's type OID for `bigint` (int8). */
export const INT8_OID = 20;

/**
 * Parses a `bigint` column as a JavaScript number. `pg` returns strings and PGlite numbers by
 * default; both drivers use this so rows look the same on either. Our bigints (GitHub ids,
 * counts) fit in 2^53; anything larger throws instead of silently losing digits.
 */
export function parseInt8(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`bigint ${text} does not fit in a JavaScript number`);
  }
  return value;
}
