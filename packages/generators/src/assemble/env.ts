import { integerRule, type LedgerEntry, type RuntimeLedger } from '@botsmith/shared';
import { tsString } from '../lib/escape';
import { source } from '../lib/text';
import type { GeneratedFile } from '../types';

/** How a text variable's value is checked at start; derived from its name. */
type EnvFormat = 'text' | 'url' | 'log-level';

// The ledger's names follow conventions (…_URL), so a text format follows from them; whole
// numbers say so in the ledger (`integer`), with their range and default.
function formatOf(name: string): EnvFormat {
  if (name === 'LOG_LEVEL') return 'log-level';
  if (name.endsWith('_URL')) return 'url';
  return 'text';
}

const ENV_HEAD = `import { z } from 'zod';

// Messages name what is wrong, never the value: a value may be a secret.
const FORMATS = {
  text: z.string(),
  url: z.string().refine((value) => URL.canParse(value), 'must be a URL, such as https://example.com'),
  'log-level': z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
    error: 'must be one of fatal, error, warn, info, debug, trace, silent',
  }),
} as const;

interface Variable {
  /** Missing counts as a problem. Platform credentials never are: a platform without them is not started. */
  required: boolean;
  /** Required, but the terminal chat starts without it (with AI replies off, for a provider key). */
  optionalInChat?: boolean;
  format: keyof typeof FORMATS;
}

export interface EnvCheckOptions {
  /** Checking for the terminal chat (src/chat.ts), which needs fewer variables than the platforms. */
  chat?: boolean;
}

/** A whole number from min to max (\`rule\` says so in words); unset or empty means the default. */
function integer(fallback: number, min: number, max: number, rule: string) {
  return z
    .string()
    .optional()
    .transform((raw, context) => {
      const text = raw?.trim() ?? '';
      if (text === '') return fallback;
      // Digits only: Number() alone would take "1e3", "0x10" and " ".
      const value = /^\\d{1,15}$/.test(text) ? Number(text) : Number.NaN;
      if (value >= min && value <= max) return value;
      context.addIssue({ code: 'custom', message: 'must be ' + rule });
      return z.NEVER;
    });
}
`;

const ENV_TAIL = `
/** The whole-number variables as numbers, defaults filled in. */
export type EnvNumbers = z.infer<typeof NUMBERS>;

function numberProblems(error: z.ZodError): string[] {
  return error.issues.map((issue) => String(issue.path[0]) + ': ' + issue.message);
}

/**
 * The whole-number variables of env, parsed into numbers with their defaults. This is the one
 * place they are parsed: adapters and features read these rather than parsing the text again.
 * Throws (one line per bad variable) when one is out of its range; src/index.ts has checked.
 */
export function envNumbers(env: NodeJS.ProcessEnv): EnvNumbers {
  const result = NUMBERS.safeParse(env);
  if (!result.success) throw new Error(numberProblems(result.error).join('\\n'));
  return result.data;
}

/** One line per bad variable: its name and what is wrong. Empty when the environment is fine. */
export function envProblems(env: NodeJS.ProcessEnv, { chat = false }: EnvCheckOptions = {}): string[] {
  const problems: string[] = [];
  for (const [name, variable] of Object.entries(VARIABLES)) {
    const value = env[name];
    if (value === undefined || value === '') {
      if (variable.required && !(chat && variable.optionalInChat)) problems.push(name + ': is required (see .env.example)');
      continue;
    }
    const result = FORMATS[variable.format].safeParse(value);
    if (!result.success) problems.push(name + ': ' + (result.error.issues[0]?.message ?? 'is invalid'));
  }
  const numbers = NUMBERS.safeParse(env);
  if (!numbers.success) problems.push(...numberProblems(numbers.error));
  return problems;
}

/** Checks the environment before the bot starts: each problem on its own line, then exit 1. */
export function checkEnv(env: NodeJS.ProcessEnv = process.env, options: EnvCheckOptions = {}): void {
  const problems = envProblems(env, options);
  if (problems.length === 0) return;
  for (const problem of problems) process.stderr.write('Invalid environment: ' + problem + '\\n');
  process.exit(1);
}
`;

type IntegerEntry = LedgerEntry & { integer: NonNullable<LedgerEntry['integer']> };

// A test of the first whole-number variable, when the project has one: default, a value at the
// top of its range, one past it and a word.
function numberTest(entry: IntegerEntry | undefined): string | false {
  if (!entry) return false;
  const { name, integer } = entry;
  const top = integer.max ?? integer.min + 1000;
  const outside = integer.max === undefined ? integer.min - 1 : integer.max + 1;
  return `
  it('parses whole numbers once into typed values, with their defaults', () => {
    expect(envNumbers({}).${name}).toBe(${integer.default});
    expect(envNumbers({ ${name}: ' ${top} ' }).${name}).toBe(${top});
    for (const bad of ['${outside}', 'many', '1e2']) {
      expect(envProblems({ ${name}: bad })).toContain(${tsString(`${name}: must be ${integerRule(integer)}`)});
      expect(() => envNumbers({ ${name}: bad })).toThrow(${tsString(name)});
    }
  });
`;
}

/** The case for variables the platforms require and the terminal chat does without. */
function chatOptionalCase(names: readonly string[]): string | false {
  if (names.length === 0) return false;
  return `
  it('requires ${names.join(', ')} for the platforms but not for the terminal chat', () => {
    const names = [${names.map(tsString).join(', ')}];
    const missing = names.map((name) => name + ': is required (see .env.example)');
    expect(envProblems({})).toEqual(expect.arrayContaining(missing));
    for (const problem of envProblems({}, { chat: true })) expect(missing).not.toContain(problem);
  });`;
}

function envTest(firstInteger: IntegerEntry | undefined, chatOptional: readonly string[]): string {
  return source(
    `import { describe, expect, it } from 'vitest';
import { ${firstInteger ? 'envNumbers, ' : ''}envProblems } from '../src/env.js';

describe('environment check', () => {
  it('names a bad variable and what is wrong, never its value', () => {
    const problems = envProblems({ LOG_LEVEL: 'very-secret-value' });
    expect(problems).toContain('LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent');
    for (const problem of problems) expect(problem).not.toContain('very-secret-value');
  });

  it('accepts the documented values', () => {
    expect(envProblems({ LOG_LEVEL: 'debug' }).filter((p) => p.startsWith('LOG_LEVEL'))).toEqual([]);
  });`,
    numberTest(firstInteger),
    chatOptionalCase(chatOptional),
    '});',
  );
}

/**
 * `src/env.ts` and its test: every runtime variable of the ledger, checked with zod when the
 * bot starts, so the list is derived from what the modules declare rather than restated.
 * Whole-number variables are parsed there once and exported typed (`envNumbers`).
 * `optionalInChat` names the required variables the terminal chat starts without.
 */
export function renderEnv(
  ledger: RuntimeLedger,
  optionalInChat: readonly string[] = [],
): GeneratedFile[] {
  const runtime = ledger.filter((entry) => entry.location === 'runtime');
  const integers = runtime.filter((entry): entry is IntegerEntry => entry.integer !== undefined);
  const isRequired = (entry: RuntimeLedger[number]) =>
    entry.required && entry.neededBy.kind !== 'platform';
  const chatOptional = runtime
    .filter((entry) => isRequired(entry) && optionalInChat.includes(entry.name))
    .map((entry) => entry.name);
  const texts = runtime
    .filter((entry) => entry.integer === undefined)
    .map((entry) => {
      const chat = chatOptional.includes(entry.name) ? ', optionalInChat: true' : '';
      return `  ${entry.name}: { required: ${isRequired(entry)}${chat}, format: ${tsString(formatOf(entry.name))} },`;
    });
  const numbers = integers.map(({ name, integer }) => {
    const max = integer.max ?? 'Number.MAX_SAFE_INTEGER';
    return `  ${name}: integer(${integer.default}, ${integer.min}, ${max}, ${tsString(integerRule(integer))}),`;
  });
  return [
    {
      path: 'src/env.ts',
      content: source(
        ENV_HEAD,
        '/** Every text variable the project reads (the runtime list in .botsmith.json and .env.example). */',
        'const VARIABLES: Record<string, Variable> = {',
        ...texts,
        '};',
        '',
        '/** Every whole-number variable, parsed once into a number (its default when unset). */',
        'const NUMBERS = z.object({',
        ...numbers,
        '});',
        ENV_TAIL,
      ),
    },
    { path: 'test/env.test.ts', content: envTest(integers[0], chatOptional) },
  ];
}
