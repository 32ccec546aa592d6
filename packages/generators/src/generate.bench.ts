import { buildConfigSchema } from '@botsmith/shared';
import { bench, describe } from 'vitest';
import { MATRIX } from '../verify/matrix';
import { generate } from './generate';
import { toZip } from './zip';

// SPEC §5: generation is fast; the wizard regenerates its live preview on every change. The
// largest project is the matrix's maximal one: every platform, feature and workflow. Target:
// under 5 ms median to generate it.
const maximal = MATRIX.find((entry) => entry.name === 'maximal');
const config = buildConfigSchema.parse(maximal?.input);
const project = generate(config);

function median(samples: number[]): number {
  const sorted = samples.toSorted((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/**
 * A benchmark that also prints its median: Vitest's table shows the mean and upper percentiles
 * only. Each measured call is timed; the setup hook drops what the warm-up recorded. (Bench
 * files run no `afterAll`, so the teardown hook prints.)
 */
function medianBench(name: string, fn: () => unknown): void {
  let samples: number[] = [];
  const timed = () => {
    const started = performance.now();
    fn();
    samples.push(performance.now() - started);
  };
  bench(name, timed, {
    time: 1000,
    setup: (_task, mode) => {
      if (mode === 'run') samples = [];
    },
    teardown: (_task, mode) => {
      if (mode !== 'run') return;
      console.log(`${name}: median ${median(samples).toFixed(2)} ms (${samples.length} runs)`);
    },
  });
}

describe(`generator speed, maximal project (${project.files.length} files)`, () => {
  medianBench('generate the maximal project', () => generate(config));
  medianBench('zip the maximal project', () => toZip(project));
});
