import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'github-emulator',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
  },
});
