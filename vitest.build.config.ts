import { defineConfig } from 'vitest/config';
import { ciReport } from './test/setup/ci-report';

// Checks on the built extension that need no browser (the manifests, the popup's JavaScript
// budget): `npm run test:build`, after `npm run build` and `npm run build:firefox`.
export default defineConfig({
  test: {
    ...ciReport('build'),
    include: ['test/build/**/*.test.ts'],
    environment: 'node',
  },
});
