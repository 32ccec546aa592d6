import { posix } from 'node:path';
import ts from 'typescript6';
import { isScalar, parseDocument, Scalar, visit } from 'yaml';

/** Source files checked with the TypeScript parser. */
export const SCRIPT = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;
export const YAML_FILE = /\.ya?ml$/;

/** Why a generated path is unsafe to write under the project root, or null. */
export function unsafePath(path: string): string | null {
  if (path === '' || path.startsWith('/') || /^[A-Za-z]:/.test(path)) return 'absolute or empty';
  if (path.includes('\\')) return 'backslash';
  if (path.split('/').some((segment) => segment === '..' || segment === '.' || segment === '')) {
    return 'dot or empty segment';
  }
  if (posix.normalize(path) !== path || posix.resolve('/root', path).indexOf('/root/') !== 0) {
    return 'escapes the root';
  }
  return null;
}

function scriptKind(path: string): ts.ScriptKind {
  if (path.endsWith('.tsx')) return ts.ScriptKind.TSX;
  if (path.endsWith('.jsx')) return ts.ScriptKind.JSX;
  return /\.[mc]?js$/.test(path) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
}

/** A parsed script: its syntax errors and its string literals (value and source range). */
export interface ParsedScript {
  errors: string[];
  literals: { value: string; start: number; end: number }[];
}

/** Parses a script without type-checking, as `tsc` would before anything else. */
export function parseScript(path: string, content: string): ParsedScript {
  const file = ts.createSourceFile(path, content, ts.ScriptTarget.Latest, false, scriptKind(path));
  // parseDiagnostics is how tsc itself reads syntax errors; the public API has no getter.
  const diagnostics = (file as unknown as { parseDiagnostics: readonly ts.Diagnostic[] })
    .parseDiagnostics;
  const errors = diagnostics.map(
    (d) => `${path}@${d.start}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`,
  );
  const literals: ParsedScript['literals'] = [];
  const walk = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      literals.push({ value: node.text, start: node.getStart(file), end: node.end });
    }
    node.forEachChild(walk);
  };
  walk(file);
  return { errors, literals };
}

/** Every index at which `needle` occurs in `text`. */
export function occurrences(text: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) found.push(at);
  return found;
}

/** A parsed YAML file: errors, its data, its comments and where user text may sit. */
export interface ParsedYaml {
  errors: string[];
  data: unknown;
  comments: string[];
  /** Scalars written plain or as blocks: what a stray `: `, `#` or `- ` would reshape. */
  unquoted: string[];
  /** Source ranges of double- or single-quoted scalars. */
  quotedRanges: [number, number][];
}

export function parseYaml(content: string): ParsedYaml {
  const document = parseDocument(content, { uniqueKeys: true });
  const errors = [...document.errors, ...document.warnings].map((e) => e.message);
  const comments = [document.commentBefore, document.comment].filter((c): c is string => !!c);
  const unquoted: string[] = [];
  const quotedRanges: [number, number][] = [];
  visit(document, (_key, node) => {
    const { commentBefore, comment } = node as {
      commentBefore?: string | null;
      comment?: string | null;
    };
    if (commentBefore) comments.push(commentBefore);
    if (comment) comments.push(comment);
    if (!isScalar(node)) return;
    const quoted = node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE;
    if (quoted && node.range) quotedRanges.push([node.range[0], node.range[1]]);
    else unquoted.push(String(node.value));
  });
  return { errors, data: document.toJS(), comments, unquoted, quotedRanges };
}

/**
 * Compares generated data with the expected data, allowing a string that held user text to be
 * cut short (platform limits, such as Slack's 35-character app name).
 */
export function dataMismatches(expected: unknown, actual: unknown, path = '$'): string[] {
  if (typeof expected === 'string' && typeof actual === 'string') {
    // An empty answer may be replaced by the generator's own default.
    if (expected === actual || expected === '') return [];
    return actual.length > 0 && expected.startsWith(actual)
      ? []
      : [
          `${path}: ${JSON.stringify(actual).slice(0, 200)} ≠ ${JSON.stringify(expected).slice(0, 200)}`,
        ];
  }
  if (Array.isArray(expected) && Array.isArray(actual)) {
    if (expected.length !== actual.length)
      return [`${path}: length ${actual.length} ≠ ${expected.length}`];
    return expected.flatMap((item, i) => dataMismatches(item, actual[i], `${path}[${i}]`));
  }
  if (expected && actual && typeof expected === 'object' && typeof actual === 'object') {
    const keys = Object.keys(expected);
    if (keys.join() !== Object.keys(actual).join()) return [`${path}: keys differ`];
    return keys.flatMap((k) =>
      dataMismatches(
        (expected as Record<string, unknown>)[k],
        (actual as Record<string, unknown>)[k],
        `${path}.${k}`,
      ),
    );
  }
  return Object.is(expected, actual) ? [] : [`${path}: ${String(actual)} ≠ ${String(expected)}`];
}

/** Replaces every marker inside every string of a data tree (keys included). */
export function substitute(value: unknown, replacements: ReadonlyMap<string, string>): unknown {
  if (typeof value === 'string') {
    let text = value;
    for (const [marker, replacement] of replacements) text = text.split(marker).join(replacement);
    return text;
  }
  if (Array.isArray(value)) return value.map((item) => substitute(item, replacements));
  if (value && typeof value === 'object') {
    const result: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      Object.defineProperty(result, substitute(k, replacements) as string, {
        value: substitute(v, replacements),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return result;
  }
  return value;
}
