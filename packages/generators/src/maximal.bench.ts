import { buildConfigSchema, FEATURE_IDS, PLATFORM_IDS } from '@botsmith/shared';
import { bench, describe } from 'vitest';
import { producible } from '../test/arbitrary-config';
import { generate, toZip } from './index';

// SPEC §5: generation is fast. The largest project: every platform, feature and workflow (less
// what this generator version cannot produce yet, so the benchmark grows with the generator).
describe('generator speed, maximal project', () => {
  const config = producible(
    buildConfigSchema.parse({
      platforms: [...PLATFORM_IDS],
      features: [...FEATURE_IDS],
      ai: { provider: 'openai' },
      sessions: { store: 'postgres' },
      deploy: { target: 'docker-ghcr' },
      automation: { deploy: true, codeql: true, dependencyReview: true, release: true },
    }),
  );
  const project = generate(config);

  bench('generate the maximal project', () => {
    generate(config);
  });

  bench('zip the maximal project', () => {
    toZip(project);
  });
});
