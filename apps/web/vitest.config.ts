import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'web',
    globalSetup: ['@botsmith/test-kit/global-setup'],
    setupFiles: ['@botsmith/test-kit/setup'],
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
});
