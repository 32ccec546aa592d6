import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'generators',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
  },
});
