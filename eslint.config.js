// @ts-check
import noUnsanitized from 'eslint-plugin-no-unsanitized';
import tseslint from 'typescript-eslint';

/** Worker-only code: the message router, the services, the API client and every storage item. */
const BACKGROUND = ['@/utils/background/*', '**/utils/background/*', './background/*'];

/** Browser APIs, storage and the network: what a pure module must never touch. */
const BROWSER_MODULES = ['wxt/browser', 'wxt/utils/*', '@wxt-dev/*', 'webextension-polyfill', '@webext-core/*'];

const zodMessage =
  "Import { z } from '@/utils/zod' (relative: './zod'): it turns on jitless mode for the MV3 CSP first.";
/** zod, in either build, only through utils/zod.ts. */
const zodOnlyThroughOurModule = [
  { name: 'zod', message: zodMessage },
  { name: 'zod/mini', message: zodMessage },
];

const keyReaderOnlyInTheRequest = {
  group: ['**/store/management-key', './management-key'],
  importNames: ['readManagementKey'],
  message: 'Only the module that builds the request (utils/background/api/) reads the management key.',
};

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'demo-output/**', 'docs/**', 'bench-output/**'] },
  ...tseslint.configs.recommended,
  // Fails the build on innerHTML-like sinks (innerHTML, outerHTML, insertAdjacentHTML,
  // document.write…): API strings must only ever reach the page as text.
  noUnsanitized.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // A promise nobody awaits hides its failure; `void` says it is meant.
      '@typescript-eslint/no-floating-promises': 'error',
    },
  },
  {
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'API strings are rendered as text; dangerouslySetInnerHTML is not allowed.',
        },
      ],
      'no-console': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: zodOnlyThroughOurModule, patterns: [keyReaderOnlyInTheRequest] },
      ],
    },
  },
  {
    // Pages and components run beside web content; they reach the worker only through messages.
    files: [
      'components/**',
      'entrypoints/popup/**',
      'entrypoints/options/**',
      'entrypoints/card/**',
      'entrypoints/bulk/**',
      'entrypoints/privacy/**',
    ],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: zodOnlyThroughOurModule,
          patterns: [
            {
              group: BACKGROUND,
              allowTypeImports: true,
              message: 'Pages and components reach worker code only through messages (utils/messaging/).',
            },
          ],
        },
      ],
    },
  },
  {
    // Pure modules: decisions only, testable with plain values. No browser API, storage or fetch.
    files: ['utils/*.ts'],
    ignores: ['utils/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: zodOnlyThroughOurModule,
          patterns: [
            { group: BACKGROUND, message: 'Pure modules import nothing from the worker (utils/background/).' },
            { group: ['./messaging/*'], message: 'Pure modules do not send messages.' },
            { group: BROWSER_MODULES, message: 'Pure modules use no browser API or storage.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'browser', message: 'Pure modules use no browser API.' },
        { name: 'chrome', message: 'Pure modules use no browser API.' },
        { name: 'fetch', message: 'Pure modules do no I/O; the request lives in utils/background/api/.' },
        { name: 'localStorage', message: 'Pure modules do no I/O.' },
      ],
    },
  },
  {
    // The worker has no DOM.
    files: ['utils/background/**', 'entrypoints/background.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'window', message: 'The service worker has no window.' },
        { name: 'document', message: 'The service worker has no document.' },
      ],
    },
  },
  {
    // The request builder is the one place that reads the management key.
    // (and the store's own tests, which check where a saved or migrated key ended up).
    files: ['utils/background/api/fetch-key.ts', 'utils/background/store/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { paths: zodOnlyThroughOurModule }],
    },
  },
  {
    files: ['utils/zod.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': 'off' },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // Scripts and the mock server print what they do.
    files: ['scripts/**', 'test/**', '.ci/**'],
    rules: { 'no-console': 'off' },
  },
);
