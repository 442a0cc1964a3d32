import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { ciReport } from './test/setup/ci-report';

export default defineConfig({
  // WxtVitest does not apply wxt.config's Vite plugins, so Preact's JSX transform is added here too.
  plugins: [WxtVitest(), preact()],
  test: {
    ...ciReport('unit'),
    include: ['{utils,components,entrypoints,test}/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
    // Browser tests and checks on the built extension have their own configs and npm scripts.
    exclude: ['test/e2e/**', 'test/build/**'],
    environment: 'happy-dom',
    restoreMocks: true,
    setupFiles: ['test/setup/testing-library.ts', 'test/setup/worker-memory.ts'],
  },
});
