import { type BuildConfigInput, buildConfigSchema } from '@botsmith/shared';
import fc from 'fast-check';
import type { FreeText } from './arbitrary-config';

// Bidirectional overrides and isolates, zero-width characters and the BOM ("Trojan Source").
export const INVISIBLE = [
  '\u200B',
  '\u200C',
  '\u200D',
  '\u200E',
  '\u200F',
  '\u202A',
  '\u202B',
  '\u202C',
  '\u202D',
  '\u202E',
  '\u2060',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\uFEFF',
];
const INVISIBLE_PATTERN = new RegExp(`[${INVISIBLE.join('')}]`, 'gu');
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
const CONTROL_PATTERN = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/gu;
const LINE_BREAK = /[\r\n\u2028\u2029]/gu;

/** Fragments that break code, JSON, YAML, HTML or Markdown when pasted in unescaped. */
export const HOSTILE_FRAGMENTS = [
  '"',
  "'",
  '`',
  '\\',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: hostile input, on purpose
  '${process.exit(1)}',
  '${',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: hostile input, on purpose
  '${{ secrets.GITHUB_TOKEN }}',
  '$',
  '{{',
  '}}',
  '*/',
  '/*',
  '//',
  '</script>',
  '<script>alert(1)</script>',
  '<!--',
  '-->',
  ']]>',
  '&amp;',
  'yes',
  'no',
  'on',
  'off',
  'null',
  '~',
  'true',
  '0x1F',
  '1e3',
  '- ',
  ': ',
  '? ',
  '#',
  ' #',
  '&a',
  '*a',
  '!!str',
  '!',
  '|',
  '>',
  '%YAML',
  '---',
  '...',
  '[x](javascript:alert(1))',
  '\n',
  '\r\n',
  '\t',
  '\u2028',
  '\u2029',
  '__proto__',
  'constructor',
  'prototype',
  '\u0000',
  '\u001b[31m',
  '\u0085',
  'é',
  '🤖',
  '\uD800',
  ...INVISIBLE,
];

const fragment = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...HOSTILE_FRAGMENTS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
);

/** A hostile string: a mix of fragments, now and then repeated to 10,000 characters. */
export const hostileString = fc.oneof(
  {
    weight: 9,
    arbitrary: fc.array(fragment, { minLength: 1, maxLength: 12 }).map((p) => p.join('')),
  },
  {
    weight: 1,
    arbitrary: fc
      .array(fragment, { minLength: 1, maxLength: 4 })
      .map((p) => p.join('') || 'x')
      .map((s) => s.repeat(Math.ceil(10_000 / s.length)).slice(0, 10_000)),
  },
);

export type TextField = keyof FreeText;
/** Where each free-text field sits in a config. */
export function withText(field: TextField, value: string): BuildConfigInput {
  return field === 'systemPrompt'
    ? { ai: { systemPrompt: value } }
    : { project: { [field]: value } };
}

/** The longest value the schema accepts for a field, found by bisection on the schema itself. */
export function maxLength(field: TextField): number {
  let low = 1;
  let high = 100_000;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (buildConfigSchema.safeParse(withText(field, 'a'.repeat(mid))).success) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** Why SPEC §5.1 says the schema must reject a value for this field, or null when it may not. */
export function mustReject(value: string, max: number, multiline: boolean): string | null {
  if (value.includes('${{')) return 'contains ${{';
  if (new RegExp(INVISIBLE_PATTERN.source, 'u').test(value)) return 'bidi or zero-width';
  if (value.length > max) return `longer than ${max}`;
  if (!multiline && new RegExp(LINE_BREAK.source, 'u').test(value)) return 'line break';
  return null;
}

/**
 * The value with what the schema rejects taken out: the hostile text a user *can* enter.
 * `${{` is broken up, invisible and control characters dropped, line breaks made spaces where
 * a single line is required, and the length capped at the field's maximum.
 */
export function acceptable(value: string, max: number, multiline: boolean): string {
  let text = value.replace(INVISIBLE_PATTERN, '').replace(CONTROL_PATTERN, '');
  if (!multiline) text = text.replace(LINE_BREAK, ' ');
  while (text.includes('${{')) text = text.replaceAll('${{', '${ {');
  text = text.slice(0, max);
  // Cutting may leave half a surrogate pair at the end.
  if (/[\uD800-\uDBFF]$/u.test(text)) text = text.slice(0, -1);
  return text;
}
