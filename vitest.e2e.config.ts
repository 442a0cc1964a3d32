import { defineConfig } from 'vitest/config';

// Browser tests, in two projects: the scenarios in test/e2e/scenarios/ run in both Chromium and
// Firefox ESR; test/e2e/chromium/ holds what only Chromium can check (DevTools protocol, axe).
// Each file launches one browser, so files run one at a time (two browsers on a 2-core machine
// make every wait flaky) and get generous timeouts.
export default defineConfig({
  test: {
    environment: 'node',
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'chromium',
          include: ['test/e2e/scenarios/**/*.e2e.test.ts', 'test/e2e/chromium/**/*.e2e.test.ts'],
          provide: { browser: 'chromium' },
        },
      },
      {
        extends: true,
        test: {
          name: 'firefox',
          include: ['test/e2e/scenarios/**/*.e2e.test.ts'],
          provide: { browser: 'firefox' },
        },
      },
    ],
  },
});
