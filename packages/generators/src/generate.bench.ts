import { buildConfigSchema, FEATURE_IDS } from '@botsmith/shared';
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

  const maximal = buildConfigSchema.parse({
    features: [...FEATURE_IDS],
    ai: { provider: 'openai' },
    sessions: { store: 'postgres' },
    deploy: { target: 'docker-ghcr' },
    automation: { deploy: true, codeql: true, dependencyReview: true, release: true },
  });
  bench('generate a project with every feature and workflow', () => {
    generate(maximal);
  });

  bench('zip the default Discord project', () => {
    toZip(project);
  });
});
