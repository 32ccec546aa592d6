/** How large one procedure input may be: how deeply nested, and how many values in all. */
export interface InputLimits {
  /** Objects and arrays inside each other; the input itself is level 1. */
  maxDepth: number;
  /** Every object, array, string, number, boolean and null counts as one. */
  maxValues: number;
}

/**
 * Our procedures' inputs nest a few levels (a BuildConfig is 3 deep) and hold a few hundred
 * values; these limits leave room for that and refuse what only costs CPU.
 */
export const INPUT_LIMITS: InputLimits = { maxDepth: 32, maxValues: 10_000 };

type Key = string | number;
interface Entry {
  value: unknown;
  depth: number;
  key: Key | null;
  parent: Entry | null;
}

/** A key as messages show it: escaped (`\u0000`, `\ud800`) and cut short. */
function displayKey(key: Key): string {
  const escaped = JSON.stringify(String(key)).slice(1, -1);
  return escaped.length > 40 ? `${escaped.slice(0, 40)}…` : escaped;
}

/** The dotted path of an entry, as `configIssues` spell paths (`config.features.0`). */
function pathOf(entry: Entry): string {
  const keys: string[] = [];
  for (let at: Entry | null = entry; at?.parent; at = at.parent)
    keys.push(displayKey(at.key as Key));
  return keys.length === 0 ? 'the input' : keys.reverse().join('.');
}

/** What is wrong with a string for PostgreSQL's `jsonb` and for JSON text, if anything. */
function stringProblem(value: string): string | null {
  if (value.includes('\u0000')) return 'contains U+0000 (the NUL character)';
  // A lone surrogate cannot be encoded as UTF-8; PostgreSQL refuses it in `jsonb`.
  if (!value.isWellFormed()) return 'contains a lone surrogate (not well-formed Unicode)';
  return null;
}

/** `Date`, `Map`, a class's name…: what the value is instead of a plain object. */
function typeName(value: object): string {
  const prototype = Object.getPrototypeOf(value) as { constructor?: { name?: unknown } } | null;
  const name = prototype?.constructor?.name;
  return typeof name === 'string' && name
    ? name
    : Object.prototype.toString.call(value).slice(8, -1);
}

/** Why a value that is neither an object nor an array is not JSON, or `null` when it is. */
function scalarProblem(value: unknown): string | null {
  switch (typeof value) {
    case 'string':
      return stringProblem(value);
    case 'boolean':
      return null;
    case 'number':
      return Number.isFinite(value) ? null : `is ${value}, which JSON cannot hold`;
    case 'undefined':
      return 'is undefined, which JSON arrays cannot hold';
    case 'object':
      return value === null ? null : `is of type ${typeName(value)}, not a plain object or array`;
    default:
      return `is of type ${typeof value}, which JSON cannot hold`;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * Why `value` is not plain, bounded JSON, or `null` when it is. Plain JSON: objects (with
 * `Object.prototype` or no prototype), arrays, strings without U+0000 or lone surrogates,
 * finite numbers, booleans and `null` — not what superjson can also revive (`bigint`, `Date`,
 * `Map`, `Set`, `RegExp`, `Error`, `undefined` in arrays, `NaN`, …). An object property that
 * is `undefined` counts as absent, and so does an `undefined` input. Walks with its own stack
 * (a deep input cannot overflow the call stack) and stops at the first problem, so it looks at
 * no more than `maxValues` values whatever the input's size.
 *
 * @example plainJsonProblem({ ttl: 1n }) // 'ttl is of type bigint, which JSON cannot hold.'
 */
export function plainJsonProblem(value: unknown, limits = INPUT_LIMITS): string | null {
  if (value === undefined) return null;
  const stack: Entry[] = [{ value, depth: 1, key: null, parent: null }];
  let values = 1;
  const tooMany = `the input holds more than ${limits.maxValues} values.`;
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const current = entry.value;
    const isArray = Array.isArray(current);
    if (!isArray && !isPlainObject(current)) {
      const problem = scalarProblem(current);
      if (problem) return `${pathOf(entry)} ${problem}.`;
      continue;
    }
    if (entry.depth > limits.maxDepth) {
      return `${pathOf(entry)} is nested deeper than ${limits.maxDepth} levels.`;
    }
    if (isArray) {
      values += current.length;
      if (values > limits.maxValues) return tooMany;
      for (let index = current.length - 1; index >= 0; index -= 1) {
        stack.push({ value: current[index], depth: entry.depth + 1, key: index, parent: entry });
      }
      continue;
    }
    const children: Entry[] = [];
    // Stops reading properties (and allocating entries) as soon as the count is over.
    for (const key in current) {
      const child: Entry = { value: undefined, depth: entry.depth + 1, key, parent: entry };
      const problem = stringProblem(key);
      if (problem) return `the key ${pathOf(child)} ${problem}.`;
      child.value = current[key];
      if (child.value === undefined) continue;
      values += 1;
      if (values > limits.maxValues) return tooMany;
      children.push(child);
    }
    for (let index = children.length - 1; index >= 0; index -= 1) {
      stack.push(children[index] as Entry);
    }
  }
  return null;
}
