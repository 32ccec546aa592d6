/**
 * `pnpm verify:generated`: generates a matrix of projects and, in a temporary directory each,
 * installs from the npm registry, type-checks, builds and runs the project's own tests, as a
 * user would. Failed projects are kept for inspection.
 *
 *   pnpm verify:generated                  # the whole matrix, two projects at a time
 *   pnpm verify:generated --subset         # the representative CI subset (or VERIFY_SUBSET=ci)
 *   pnpm verify:generated --only all-seven,minimal --concurrency 1
 *   pnpm verify:generated --list           # names, subset membership, producible or not
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { type BuildConfig, buildConfigSchema } from '@botsmith/shared';
import { generate, unsupportedConfigIssues } from '../src/index';
import { VERIFY_MATRIX, type VerifyEntry } from './verify-matrix';
import { pool, runStep, type StepResult, storeEnv, userEnv } from './verify-runner';

const STEPS = ['install', 'typecheck', 'build', 'test'] as const;
type Step = (typeof STEPS)[number];
const STEP_TIMEOUT_MS = 15 * 60_000;
const TAIL_LINES = 40;

interface Outcome {
  name: string;
  result: 'passed' | 'failed' | 'skipped';
  steps: Partial<Record<Step, StepResult>>;
  seconds: number;
  note?: string;
  dir?: string;
}

function commandFor(config: BuildConfig, step: Step): [string, string[]] {
  const pm = config.runtime.packageManager === 'pnpm' ? 'pnpm' : 'npm';
  const bin = process.platform === 'win32' ? `${pm}.cmd` : pm;
  if (step === 'install') {
    return pm === 'pnpm'
      ? [bin, ['install', '--prefer-offline']]
      : [bin, ['install', '--no-audit', '--no-fund', '--prefer-offline']];
  }
  return [bin, step === 'test' ? ['test'] : ['run', step]];
}

/** The config for an entry, or why it is skipped (not producible by this generator version). */
function configOf(entry: VerifyEntry): { config: BuildConfig } | { skip: string } {
  const config = buildConfigSchema.parse(entry.input);
  const issues = unsupportedConfigIssues(config);
  return issues.length > 0
    ? { skip: issues.map((i) => `${i.path}: ${i.message}`).join('; ') }
    : { config };
}

async function verify(
  entry: VerifyEntry,
  position: string,
  env: NodeJS.ProcessEnv,
): Promise<Outcome> {
  const started = Date.now();
  const planned = configOf(entry);
  if ('skip' in planned) {
    console.log(`${position} ${entry.name}: SKIPPED (${planned.skip})`);
    return { name: entry.name, result: 'skipped', steps: {}, seconds: 0, note: planned.skip };
  }
  const { config } = planned;
  const dir = await mkdtemp(join(tmpdir(), `botsmith-verify-${entry.name}-`));
  for (const { path, content } of generate(config).files) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), content);
  }
  const outcome: Outcome = { name: entry.name, result: 'passed', steps: {}, seconds: 0, dir };
  for (const step of STEPS) {
    const [command, args] = commandFor(config, step);
    const result = await runStep(command, args, { cwd: dir, env, timeoutMs: STEP_TIMEOUT_MS });
    outcome.steps[step] = result;
    const ok = result.code === 0;
    const timing = `${result.seconds.toFixed(1)}s${result.timedOut ? ' (timed out)' : ''}`;
    console.log(`${position} ${entry.name}: ${step} ${ok ? '✓' : '✗'} ${timing}`);
    if (!ok) {
      const tail = result.output.trimEnd().split('\n').slice(-TAIL_LINES).join('\n');
      outcome.result = 'failed';
      outcome.note = `\`${[command, ...args].join(' ')}\` exited ${result.code} in ${dir}\n${tail}`;
      break;
    }
  }
  outcome.seconds = (Date.now() - started) / 1000;
  if (outcome.result === 'passed') await rm(dir, { recursive: true, force: true });
  return outcome;
}

function table(outcomes: readonly Outcome[]): string {
  const header = ['name', ...STEPS, 'total', 'result'];
  const rows = outcomes.map((o) => [
    o.name,
    ...STEPS.map((s) => {
      const step = o.steps[s];
      return step ? `${step.code === 0 ? '✓' : '✗'} ${step.seconds.toFixed(1)}s` : '-';
    }),
    o.result === 'skipped' ? '-' : `${o.seconds.toFixed(1)}s`,
    o.result.toUpperCase(),
  ]);
  const widths = header.map((_, i) =>
    Math.max(...[header, ...rows].map((r) => (r[i] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  const rule = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      concurrency: { type: 'string', default: '2' },
      only: { type: 'string' },
      subset: { type: 'boolean', default: false },
      list: { type: 'boolean', default: false },
    },
  });
  const subset = values.subset || process.env.VERIFY_SUBSET === 'ci';
  const only = values.only
    ?.split(',')
    .map((n) => n.trim())
    .filter(Boolean);
  const unknown = only?.filter((n) => !VERIFY_MATRIX.some((e) => e.name === n)) ?? [];
  if (unknown.length > 0) {
    console.error(`Unknown entries: ${unknown.join(', ')}. See --list.`);
    return 2;
  }
  const entries = VERIFY_MATRIX.filter(
    (e) => (!subset || e.ci) && (!only || only.includes(e.name)),
  );
  if (values.list) {
    for (const e of entries) {
      const planned = configOf(e);
      const status = 'skip' in planned ? `skipped: ${planned.skip}` : 'producible';
      console.log(`${e.name.padEnd(22)} ${e.ci ? 'ci ' : '   '} ${status}`);
    }
    return 0;
  }
  const concurrency = Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    console.error('--concurrency must be a positive whole number');
    return 2;
  }
  const env = { ...userEnv(), ...(await storeEnv()) };
  const stores = ['REDIS_URL', 'DATABASE_URL'].filter((k) => env[k]).join(', ') || 'none';
  console.log(
    `Verifying ${entries.length} generated projects, ${concurrency} at a time (stores: ${stores})`,
  );
  const started = Date.now();
  const outcomes = await pool(
    concurrency,
    entries.map((entry, i) => async (): Promise<Outcome> => {
      try {
        return await verify(entry, `[${i + 1}/${entries.length}]`, env);
      } catch (error) {
        // A config the schema rejects or a generator that throws is a failure of its own.
        console.log(`[${i + 1}/${entries.length}] ${entry.name}: generate ✗`);
        return { name: entry.name, result: 'failed', steps: {}, seconds: 0, note: String(error) };
      }
    }),
  );
  console.log(`\n${table(outcomes)}\n`);
  const failed = outcomes.filter((o) => o.result === 'failed');
  for (const o of failed) console.log(`✗ ${o.name}: ${o.note}\n`);
  const count = (r: Outcome['result']) => outcomes.filter((o) => o.result === r).length;
  console.log(
    `${count('passed')} passed, ${failed.length} failed, ${count('skipped')} skipped in ${((Date.now() - started) / 1000).toFixed(1)}s`,
  );
  return failed.length > 0 ? 1 : 0;
}

process.exitCode = await main();
