import { defineConfig } from 'vitest/config';

// Checks on the built extension that need no browser (the manifests, the popup's JavaScript
// budget): `npm run test:build`, after `npm run build` and `npm run build:firefox`.
export default defineConfig({
  test: {
    include: ['test/build/**/*.test.ts'],
    environment: 'node',
  },
});
