import { defineConfig } from 'vitest/config';

// Browser tests: each file launches one real Chromium with the built extension, so files run one
// at a time (two Chromiums on a 2-core machine make every wait flaky) and get generous timeouts.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
