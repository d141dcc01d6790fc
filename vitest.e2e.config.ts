import { defineConfig } from 'vitest/config';

// Real browsers, one file at a time: two cores, and each browser is a heavy process.
export default defineConfig({
  test: {
    include: ['test/build/**/*.test.ts', 'test/e2e/**/*.e2e.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 90_000,
    fileParallelism: false,
    maxWorkers: 1,
    reporters: ['default'],
  },
});
