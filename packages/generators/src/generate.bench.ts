import { buildConfigSchema } from '@botsmith/shared';
import { expect, test } from 'vitest';
import { MATRIX } from '../verify/matrix';
import { generate } from './generate';
import { toZip } from './zip';

// SPEC §5: generation is fast; the wizard regenerates its live preview on every change. The
// largest project is the matrix's maximal one: every platform, feature and workflow. Target:
// under 5 ms median to generate it.
const maximal = MATRIX.find((entry) => entry.name === 'maximal');
const config = buildConfigSchema.parse(maximal?.input);
const project = generate(config);

// Vitest 5's `bench` is a test-context fixture; its result carries tinybench's latency
// percentiles, so the median is printed as measured.
test(`generator speed, maximal project (${project.files.length} files)`, async ({ bench }) => {
  const runs = [
    ['generate the maximal project', () => generate(config)],
    ['zip the maximal project', () => toZip(project)],
  ] as const;
  for (const [name, fn] of runs) {
    const result = await bench(name, fn).run({ time: 1000 });
    const { p50, samplesCount } = result.latency;
    console.log(`${name}: median ${p50.toFixed(2)} ms (${samplesCount} runs)`);
    expect(samplesCount).toBeGreaterThan(0);
  }
});
