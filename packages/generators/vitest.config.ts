import { configDefaults, defineProject } from 'vitest/config';

// Installing generated projects takes minutes and the npm registry: `pnpm test:generated` runs
// the CI subset of that matrix. Under Vitest it runs only when BOTSMITH_GENERATED_MATRIX names
// entries, e.g. `BOTSMITH_GENERATED_MATRIX=minimal,cli-only`.
const generatedProjects = 'test/generated-project.test.ts';

export default defineProject({
  test: {
    name: 'generators',
    globalSetup: ['@botsmith/test-kit/global-setup'],
    setupFiles: ['@botsmith/test-kit/setup'],
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: process.env.BOTSMITH_GENERATED_MATRIX
      ? configDefaults.exclude
      : [...configDefaults.exclude, generatedProjects],
  },
});
