/**
 * `pnpm verify:generated`: generates a matrix of projects and checks each one in a temporary
 * directory the way a user would (see verify/check-project.ts), each on the Node major it chose
 * (installed from the npm registry when this Node is another one; see verify/node-runtime.ts),
 * printing a table of results.
 *
 *   pnpm verify:generated                  # the whole matrix, two projects at a time
 *   pnpm verify:generated --subset         # the representative subset CI runs
 *   pnpm verify:generated --only all-seven,minimal --concurrency 1
 *   pnpm verify:generated --list           # entry names and subset membership
 */
import { parseArgs } from 'node:util';
import { buildConfigSchema } from '@botsmith/shared';
import { checkProject, type ProjectOutcome, STEPS } from '../verify/check-project';
import { type MatrixEntry, selectEntries } from '../verify/matrix';
import { createLimiter, storeEnv, userEnv } from '../verify/processes';

function table(outcomes: readonly ProjectOutcome[]): string {
  const header = ['name', 'ran on', ...STEPS, 'total', 'result'];
  const rows = outcomes.map((o) => [
    o.name,
    o.node ?? '-',
    ...STEPS.map((s) => {
      const step = o.steps[s];
      return step ? `${step.ok ? '✓' : '✗'} ${step.seconds.toFixed(1)}s` : '-';
    }),
    `${o.seconds.toFixed(1)}s`,
    o.ok ? 'PASSED' : 'FAILED',
  ]);
  const widths = header.map((_, i) =>
    Math.max(...[header, ...rows].map((r) => (r[i] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  const rule = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

function entriesFromArgs(): { entries: MatrixEntry[]; concurrency: number; list: boolean } {
  const { values } = parseArgs({
    options: {
      concurrency: { type: 'string', default: '2' },
      only: { type: 'string' },
      subset: { type: 'boolean', default: false },
      list: { type: 'boolean', default: false },
    },
  });
  const concurrency = Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new Error('--concurrency must be a positive whole number');
  }
  const selection = [values.only, values.subset ? 'subset' : ''].filter(Boolean).join(',');
  return { entries: selectEntries(selection || 'all'), concurrency, list: values.list };
}

async function main(): Promise<number> {
  let args: ReturnType<typeof entriesFromArgs>;
  try {
    args = entriesFromArgs();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 2;
  }
  const { entries, concurrency } = args;
  if (args.list) {
    for (const e of entries) {
      const node = buildConfigSchema.parse(e.input).runtime.nodeVersion;
      console.log(`${e.name.padEnd(24)}node ${node}  ${e.ci ? 'ci' : ''}`);
    }
    return 0;
  }
  const env = { ...userEnv(), ...(await storeEnv()) };
  const stores = ['REDIS_URL', 'DATABASE_URL'].filter((k) => env[k]).join(', ') || 'none';
  console.log(
    `Verifying ${entries.length} generated projects, ${concurrency} at a time (stores: ${stores})`,
  );
  const started = Date.now();
  const limit = createLimiter(concurrency);
  const outcomes = await Promise.all(
    entries.map((entry, i) =>
      limit(() =>
        checkProject(entry, {
          env,
          onStep: (step, { ok, seconds, detail }) => {
            const mark = ok ? '✓' : '✗';
            console.log(
              `[${i + 1}/${entries.length}] ${entry.name}: ${step} ${mark} ${seconds.toFixed(1)}s${detail ? ` (${detail})` : ''}`,
            );
          },
        }),
      ),
    ),
  );
  console.log(`\n${table(outcomes)}\n`);
  const failed = outcomes.filter((o) => !o.ok);
  for (const o of failed) console.log(`✗ ${o.name}: ${o.failure}\n`);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`${outcomes.length - failed.length} passed, ${failed.length} failed in ${seconds}s`);
  return failed.length > 0 ? 1 : 0;
}

process.exitCode = await main();
