import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // Two cores: keep file parallelism modest so Redis-backed tests stay steady.
    maxWorkers: 2,
    pool: 'forks',
  },
});
