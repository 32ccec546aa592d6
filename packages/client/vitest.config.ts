import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'client',
    globalSetup: ['@botsmith/test-kit/global-setup'],
    setupFiles: ['@botsmith/test-kit/setup'],
    include: ['src/**/*.test.ts'],
  },
});
