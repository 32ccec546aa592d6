import { buildConfigSchema } from '@botsmith/shared';
import { bench, describe } from 'vitest';
import { generate } from './generate';
import { toZip } from './zip';

// SPEC §5: generation is fast. The wizard regenerates on every change for the live preview.
describe('generator speed', () => {
  const config = buildConfigSchema.parse({});
  const project = generate(config);

  bench('generate the default Discord project', () => {
    generate(config);
  });

  bench('zip the default Discord project', () => {
    toZip(project);
  });
});
