import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'shared',
    globalSetup: ['@botsmith/test-kit/global-setup'],
    setupFiles: ['@botsmith/test-kit/setup'],
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
  },
});
