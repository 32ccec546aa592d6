import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'test-kit',
    include: ['src/**/*.test.ts'],
    globalSetup: ['./src/global-setup.ts'],
    setupFiles: ['./src/setup.ts'],
  },
});
