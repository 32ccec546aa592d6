import { defineConfig } from 'vitest/config';

// One Vitest run covers every package; Playwright specs (apps/web/e2e) run separately.
export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/api', 'apps/web', 'tools/*'],
  },
});
