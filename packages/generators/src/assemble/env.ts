import type { RuntimeLedger } from '@botsmith/shared';
import { tsString } from '../lib/escape';
import { source } from '../lib/text';
import type { GeneratedFile } from '../types';

/** How a variable's value is checked at start; derived from its name unless a module says. */
type EnvFormat = 'text' | 'url' | 'whole-number' | 'log-level';

const WHOLE_NUMBER_SUFFIXES = ['_SECONDS', '_MS', '_TURNS', '_PER_MINUTE', '_BURST'];

// The ledger's names follow conventions (…_URL, …_SECONDS), so the format follows from them.
function formatOf(name: string): EnvFormat {
  if (name === 'LOG_LEVEL') return 'log-level';
  if (name === 'PORT' || WHOLE_NUMBER_SUFFIXES.some((suffix) => name.endsWith(suffix))) {
    return 'whole-number';
  }
  if (name.endsWith('_URL')) return 'url';
  return 'text';
}

const ENV_HEAD = `import { z } from 'zod';

// Messages name what is wrong, never the value: a value may be a secret.
const FORMATS = {
  text: z.string(),
  url: z.string().refine((value) => URL.canParse(value), 'must be a URL, such as https://example.com'),
  'whole-number': z.string().regex(/^\\d+$/, 'must be a whole number'),
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
`;

const ENV_TAIL = `
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

const ENV_TEST = `import { describe, expect, it } from 'vitest';
import { envProblems } from '../src/env.js';

describe('environment check', () => {
  it('names a bad variable and what is wrong, never its value', () => {
    const problems = envProblems({ LOG_LEVEL: 'very-secret-value' });
    expect(problems).toContain('LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent');
    for (const problem of problems) expect(problem).not.toContain('very-secret-value');
  });

  it('accepts the documented values', () => {
    expect(envProblems({ LOG_LEVEL: 'debug' }).filter((p) => p.startsWith('LOG_LEVEL'))).toEqual([]);
  });`;

/** The case for variables the platforms require and the terminal chat does without. */
function chatOptionalCase(names: readonly string[]): string {
  return `
  it('requires ${names.join(', ')} for the platforms but not for the terminal chat', () => {
    const names = [${names.map(tsString).join(', ')}];
    const missing = names.map((name) => name + ': is required (see .env.example)');
    expect(envProblems({})).toEqual(expect.arrayContaining(missing));
    for (const problem of envProblems({}, { chat: true })) expect(missing).not.toContain(problem);
  });`;
}

/**
 * `src/env.ts` and its test: every runtime variable of the ledger, checked with zod when the
 * bot starts, so the list is derived from what the modules declare rather than restated.
 * `optionalInChat` names the required variables the terminal chat starts without.
 */
export function renderEnv(
  ledger: RuntimeLedger,
  optionalInChat: readonly string[] = [],
): GeneratedFile[] {
  const runtime = ledger.filter((entry) => entry.location === 'runtime');
  const isRequired = (entry: RuntimeLedger[number]) =>
    entry.required && entry.neededBy.kind !== 'platform';
  const chatOptional = runtime
    .filter((entry) => isRequired(entry) && optionalInChat.includes(entry.name))
    .map((entry) => entry.name);
  const entries = runtime.map((entry) => {
    const chat = chatOptional.includes(entry.name) ? ', optionalInChat: true' : '';
    return `  ${entry.name}: { required: ${isRequired(entry)}${chat}, format: ${tsString(formatOf(entry.name))} },`;
  });
  return [
    {
      path: 'src/env.ts',
      content: source(
        ENV_HEAD,
        '/** Every variable the project reads (the runtime list in .botsmith.json and .env.example). */',
        'const VARIABLES: Record<string, Variable> = {',
        ...entries,
        '};',
        ENV_TAIL,
      ),
    },
    {
      path: 'test/env.test.ts',
      content: source(ENV_TEST, chatOptional.length > 0 && chatOptionalCase(chatOptional), '});'),
    },
  ];
}
