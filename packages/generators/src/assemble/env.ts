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
  format: keyof typeof FORMATS;
}
`;

const ENV_TAIL = `
/** One line per bad variable: its name and what is wrong. Empty when the environment is fine. */
export function envProblems(env: NodeJS.ProcessEnv): string[] {
  const problems: string[] = [];
  for (const [name, variable] of Object.entries(VARIABLES)) {
    const value = env[name];
    if (value === undefined || value === '') {
      if (variable.required) problems.push(name + ': is required (see .env.example)');
      continue;
    }
    const result = FORMATS[variable.format].safeParse(value);
    if (!result.success) problems.push(name + ': ' + (result.error.issues[0]?.message ?? 'is invalid'));
  }
  return problems;
}

/** Checks the environment before the bot starts: each problem on its own line, then exit 1. */
export function checkEnv(env: NodeJS.ProcessEnv = process.env): void {
  const problems = envProblems(env);
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
  });
});
`;

/**
 * `src/env.ts` and its test: every runtime variable of the ledger, checked with zod when the
 * bot starts, so the list is derived from what the modules declare rather than restated.
 */
export function renderEnv(ledger: RuntimeLedger): GeneratedFile[] {
  const entries = ledger
    .filter((entry) => entry.location === 'runtime')
    .map((entry) => {
      const required = entry.required && entry.neededBy.kind !== 'platform';
      return `  ${entry.name}: { required: ${required}, format: ${tsString(formatOf(entry.name))} },`;
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
    { path: 'test/env.test.ts', content: ENV_TEST },
  ];
}
