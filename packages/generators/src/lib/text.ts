/**
 * Joins template fragments into one file: `false`, `null` and `undefined` entries are dropped,
 * so optional fragments read as `enabled && 'line'`, and the result ends with one newline.
 *
 * @example source('a', false, 'b') // "a\nb\n"
 */
export function source(...fragments: (string | false | null | undefined)[]): string {
  const kept = fragments.filter((fragment): fragment is string => typeof fragment === 'string');
  return `${kept.join('\n').replace(/\n+$/, '')}\n`;
}
