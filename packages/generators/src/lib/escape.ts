/**
 * Escaping helpers: the only way user-provided text enters generated files.
 * User text never goes into template literals, comments, regexes, identifiers, shell lines,
 * Dockerfiles or `.env` lines (SPEC §5); these helpers cover the places it may go.
 */

// `<`, `>` and `&` are escaped so the literal can also sit inside an inline <script> without
// closing it; U+2028/2029 are legal in JSON strings but were line terminators in older JS.
const SCRIPT_UNSAFE: Record<string, string> = {
  '<': '\\u003C',
  '>': '\\u003E',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/**
 * A TypeScript/JavaScript string literal holding `value` as data.
 *
 * @example tsString('Say "hi" </script>') // "\"Say \\\"hi\\\" \\u003C/script\\u003E\""
 */
export function tsString(value: string): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (char) => SCRIPT_UNSAFE[char] ?? char);
}

// CommonMark lets any ASCII punctuation be backslash-escaped, so escaping all of it is the
// simplest rule that cannot miss a construct (emphasis, links, HTML, tables, headings).
const MARKDOWN_PUNCTUATION = /[!-/:-@[-`{-~]/g;

/**
 * Markdown text that renders exactly as `value`, with no formatting, links or HTML.
 * Line breaks become spaces so a value cannot start a new block (heading, list, fence).
 *
 * @example markdownText('*bold* <b>') // "\\*bold\\* \\<b\\>"
 */
export function markdownText(value: string): string {
  return value.replace(/\r\n|[\r\n\u2028\u2029]/g, ' ').replace(MARKDOWN_PUNCTUATION, '\\$&');
}
