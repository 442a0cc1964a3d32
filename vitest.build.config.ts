import { defineConfig } from 'vitest/config';
import { ciReport } from './test/setup/ci-report';

// Checks on the built extension that need no browser (the manifests, the popup's JavaScript
// budget, the store listings and images, the rebuild from the sources zip): `npm run test:build`,
// after `npm run zip` (which builds both browsers and writes the zips).
export default defineConfig({
  test: {
    ...ciReport('build'),
    include: ['test/build/**/*.test.ts'],
    environment: 'node',
  },
});
