import { type BuildConfig, buildConfigSchema } from '@botsmith/shared';
import { scaledTimeout } from '@botsmith/test-kit';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { choicesArbitrary, type FreeText, withFreeText } from '../test/arbitrary-config';
import {
  dataMismatches,
  occurrences,
  type ParsedScript,
  parseScript,
  parseYaml,
  SCRIPT,
  substitute,
  unsafePath,
  YAML_FILE,
} from '../test/file-checks';
import {
  acceptable,
  hostileString,
  maxLength,
  mustReject,
  type TextField,
  withText,
} from '../test/hostile-text';
import { generate } from './index';

// SPEC §5 and §5.1: user text can never break or inject into generated code, YAML, JSON or
// Markdown. Configs come from the shared catalogs; the free text is hostile. Each project is
// compared with the same config holding plain markers instead: wherever a marker lands, the
// hostile text must land as the same data, and every other file must be byte-identical.
// FAST_CHECK_SEED=<n> replays a failure (fast-check prints the seed and the shrunk case).
const SEED = Number(process.env.FAST_CHECK_SEED ?? 5_2026);
const NUM_RUNS = 200;

const FIELDS: readonly TextField[] = ['displayName', 'description', 'systemPrompt'];
const MULTILINE: Record<TextField, boolean> = {
  displayName: false,
  description: false,
  systemPrompt: true,
};
const MAX = Object.fromEntries(FIELDS.map((f) => [f, maxLength(f)])) as Record<TextField, number>;
const MARKERS: FreeText = {
  displayName: 'Qzx1DisplayMarker',
  description: 'Qzx2DescriptionMarker',
  systemPrompt: 'Qzx3PromptMarker',
};
// biome-ignore lint/suspicious/noControlCharactersInRegex: the schema rejects these, not §5.1.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/u;

/** The schema's verdict on a raw value agrees with §5.1's rules. */
function checkSchemaVerdict(field: TextField, value: string): void {
  const result = buildConfigSchema.safeParse(withText(field, value));
  const reason = mustReject(value, MAX[field], MULTILINE[field]);
  if (reason) {
    expect(result.success, `${field} must be rejected: ${reason}`).toBe(false);
    const paths = result.error?.issues.map((i) => i.path.join('.')) ?? [];
    expect(paths.some((p) => p.endsWith(field))).toBe(true);
  } else if (!CONTROL.test(value) && !(field === 'displayName' && value === '')) {
    expect(result.error?.issues ?? [], `${field} must be accepted`).toEqual([]);
  }
}

const parsedScripts = new Map<string, ParsedScript>();
function parsedScript(path: string, content: string): ParsedScript {
  const key = `${path}\0${content}`;
  let parsed = parsedScripts.get(key);
  if (!parsed) {
    parsed = parseScript(path, content);
    parsedScripts.set(key, parsed);
  }
  return parsed;
}

const checkedSyntax = new Map<string, string[]>();
/** Syntax errors of a script, JSON or YAML file (memoized: most files repeat across runs). */
function syntaxErrors(path: string, content: string): string[] {
  const key = `${path}\0${content}`;
  let errors = checkedSyntax.get(key);
  if (!errors) {
    errors = [];
    if (SCRIPT.test(path)) errors = parsedScript(path, content).errors;
    else if (YAML_FILE.test(path)) errors = parseYaml(content).errors;
    else if (path.endsWith('.json')) {
      try {
        JSON.parse(content);
      } catch (error) {
        errors = [String(error)];
      }
    }
    checkedSyntax.set(key, errors);
  }
  return errors;
}

const within = (ranges: readonly (readonly [number, number])[], at: number, length: number) =>
  ranges.some(([start, end]) => at >= start && at + length <= end);

function checkProject(config: BuildConfig, text: FreeText): void {
  const project = generate(config);
  const baseline = generate(withFreeText(config, MARKERS));
  const replacements = new Map(FIELDS.map((f) => [MARKERS[f], text[f]]));
  const userTexts = [...new Set(FIELDS.map((f) => text[f]))];

  expect(project.files.map((f) => f.path)).toEqual(baseline.files.map((f) => f.path));
  project.files.forEach(({ path, content }, index) => {
    const plain = baseline.files[index]?.content ?? '';
    // Text that would be telling if found: long enough and not in the file anyway.
    const telling = userTexts.filter((t) => t.length >= 4 && !plain.includes(t));
    expect(unsafePath(path), path).toBeNull();
    if (/(^|\/)(\.env[^/]*|Dockerfile)$/.test(path)) {
      expect(
        Object.values(MARKERS).filter((m) => plain.includes(m)),
        path,
      ).toEqual([]);
    }
    if (!Object.values(MARKERS).some((m) => plain.includes(m))) {
      expect(content === plain, `${path} changed with the free text`).toBe(true);
      expect(syntaxErrors(path, content), path).toEqual([]);
      return;
    }

    if (SCRIPT.test(path)) {
      const parsed = parseScript(path, content);
      expect(parsed.errors).toEqual([]);
      const values = new Set(parsed.literals.map((l) => l.value));
      for (const literal of parsedScript(path, plain).literals) {
        const holds = FIELDS.filter((f) => literal.value.includes(MARKERS[f]));
        // An empty answer may be replaced by the generator's own default.
        if (holds.length === 0 || holds.some((f) => text[f] === '')) continue;
        const expected = substitute(literal.value, replacements) as string;
        expect(
          values.has(expected),
          `${path}: literal ${JSON.stringify(expected).slice(0, 120)}`,
        ).toBe(true);
      }
      const ranges = parsed.literals.map((l) => [l.start, l.end] as const);
      for (const t of telling) {
        for (const at of occurrences(content, t)) {
          expect(within(ranges, at, t.length), `${path}: user text outside a string at ${at}`).toBe(
            true,
          );
        }
      }
    } else if (path.endsWith('.json')) {
      const expected = substitute(JSON.parse(plain), replacements);
      expect(dataMismatches(expected, JSON.parse(content)), path).toEqual([]);
    } else if (YAML_FILE.test(path)) {
      const parsed = parseYaml(content);
      expect(parsed.errors, path).toEqual([]);
      const expected = substitute(parseYaml(plain).data, replacements);
      expect(dataMismatches(expected, parsed.data), path).toEqual([]);
      for (const t of telling) {
        expect(
          parsed.comments.some((c) => c.includes(t)),
          `${path}: user text in a comment`,
        ).toBe(false);
        expect(
          parsed.unquoted.some((s) => s.includes(t)),
          `${path}: unquoted user text`,
        ).toBe(false);
        for (const at of occurrences(content, t)) {
          expect(
            within(parsed.quotedRanges, at, t.length),
            `${path}: user text outside quotes`,
          ).toBe(true);
        }
      }
    }
  });

  const manifest = project.files.find((f) => f.path === '.botsmith.json');
  if (manifest) expect(JSON.parse(manifest.content).config).toStrictEqual(config);
  const pkg = project.files.find((f) => f.path === 'package.json');
  if (pkg) {
    const { name, description } = JSON.parse(pkg.content);
    expect(name).toBe(config.project.name);
    if (description !== undefined) expect(description).toBe(config.project.description);
  }
  const literals = project.files
    .filter((f) => SCRIPT.test(f.path))
    .flatMap((f) => parsedScript(f.path, f.content).literals.map((l) => l.value));
  expect(literals).toContain(config.project.displayName);
}

describe('hostile free text in arbitrary configs (property)', () => {
  it(
    'is rejected by the schema where §5.1 says so, and never breaks a generated file',
    () => {
      const texts = fc.record({
        displayName: hostileString,
        description: hostileString,
        systemPrompt: hostileString,
      });
      fc.assert(
        fc.property(choicesArbitrary, texts, (choices, raw) => {
          for (const field of FIELDS) checkSchemaVerdict(field, raw[field]);
          const text = Object.fromEntries(
            FIELDS.map((f) => [f, acceptable(raw[f], MAX[f], MULTILINE[f])]),
          ) as unknown as FreeText;
          if (text.displayName === '') text.displayName = '"';
          const parsed = buildConfigSchema.safeParse(withFreeText(choices, text));
          expect(parsed.error?.issues ?? []).toEqual([]);
          checkProject(parsed.data as BuildConfig, text);
        }),
        { numRuns: NUM_RUNS, seed: SEED },
      );
    },
    scaledTimeout(120_000),
  );

  it('rejects every bidi and zero-width character, "${{" and over-long text in each field', () => {
    for (const field of FIELDS) {
      // biome-ignore lint/suspicious/noTemplateCurlyInString: hostile input, on purpose
      for (const bad of ['${{ github.token }}', '\u202E', '\u200B', '\u2066', '\uFEFF']) {
        checkSchemaVerdict(field, `ok ${bad} ok`);
        expect(buildConfigSchema.safeParse(withText(field, `ok ${bad} ok`)).success).toBe(false);
      }
      expect(buildConfigSchema.safeParse(withText(field, 'x'.repeat(10_000))).success).toBe(false);
      expect(buildConfigSchema.safeParse(withText(field, 'x'.repeat(MAX[field]))).success).toBe(
        true,
      );
    }
  });
});
