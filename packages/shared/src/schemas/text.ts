import { z } from 'zod';

// Bidirectional overrides/isolates and zero-width characters can make generated code read
// differently from how it runs ("Trojan Source", CVE-2021-42574), so user text may not hold them.
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/u;
// C0/C1 control characters other than tab and newline.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/u;

/**
 * A free-text field safe to embed (escaped) in generated code, YAML and Markdown.
 *
 * @example safeText({ max: 100 }).parse('My Bot') // "My Bot"
 */
export function safeText({ max, multiline = false }: { max: number; multiline?: boolean }) {
  return z
    .string()
    .max(max, `must be at most ${max} characters`)
    .refine((value) => !INVISIBLE.test(value), {
      message: 'must not contain bidirectional or zero-width characters',
    })
    .refine((value) => !CONTROL.test(value), { message: 'must not contain control characters' })
    .refine((value) => multiline || !/[\r\n\u2028\u2029]/u.test(value), {
      message: 'must be a single line',
    })
    .refine((value) => !value.includes('${{'), {
      // GitHub Actions would evaluate it as an expression.
      message: 'must not contain "${{"',
    });
}
