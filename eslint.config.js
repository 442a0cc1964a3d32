// @ts-check
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import noUnsanitized from 'eslint-plugin-no-unsanitized';
import tseslint from 'typescript-eslint';

// The layout's rules (README "Where things live"): a feature is one folder, and inside it the
// folder says where code runs.
// - utils/<feature>/*.ts       its pure model: plain values in, plain values out;
// - utils/<feature>/background/ worker-only code: storage, the API, the browser's worker APIs;
// - utils/<feature>/page/       page-side hooks and helpers;
// - components/<feature>/       its views.
// Pages and components never import worker code; the worker never touches the DOM.

/** Worker-only code, however it is imported. */
const BACKGROUND = ['**/background/**', '**/background/*', './background/*', '!**/entrypoints/background'];

/** Page-side code: hooks and helpers that only a page runs. */
const PAGE = ['**/page/**', '**/page/*', './page/*'];

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
  group: ['**/management-key', './management-key'],
  importNames: ['readManagementKey'],
  message:
    'Only the module that builds the request (utils/lookup/background/api/fetch-key.ts) reads the management key.',
};

const workerOnly = {
  group: BACKGROUND,
  allowTypeImports: true,
  message: 'Pages and components reach worker code only through messages (utils/messaging/).',
};

const noEntryPoint = {
  group: ['@/entrypoints/**', '**/entrypoints/**'],
  message: 'Entry points are wiring: nothing imports one.',
};

const notAnotherEntryPoint = {
  group: ['@/entrypoints/**', '**/entrypoints/**', '../*', '../**'],
  message: 'An entry point imports features (@/components, @/utils), never another entry point.',
};

/** Tests are not zoned: they set up whatever they check. */
const TESTS = ['**/*.test.ts', '**/*.test.tsx'];

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
    // No import cycles among the shipped sources: a cycle makes the order modules run in depend on
    // who imported first, and hides which feature owns what. Type-only imports count too.
    files: ['entrypoints/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'utils/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
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
    // Pages, their hooks and components run beside web content; they reach the worker only
    // through messages (a declared contract's types may be imported).
    files: ['components/**', 'entrypoints/**', 'utils/**/page/**'],
    ignores: ['entrypoints/background.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: zodOnlyThroughOurModule, patterns: [workerOnly, noEntryPoint] },
      ],
    },
  },
  {
    // An entry point is wiring: it imports features (@/components, @/utils), never another entry
    // point, whose files are reached only by a relative path out of its own folder.
    files: ['entrypoints/**'],
    ignores: ['entrypoints/background.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: zodOnlyThroughOurModule, patterns: [workerOnly, notAnotherEntryPoint] },
      ],
    },
  },
  {
    files: ['entrypoints/background.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: zodOnlyThroughOurModule, patterns: [keyReaderOnlyInTheRequest, notAnotherEntryPoint] },
      ],
    },
  },
  {
    // Pure feature code: decisions only, testable with plain values. No browser API, storage,
    // network, worker or page code.
    files: ['utils/**/*.ts'],
    ignores: [...TESTS, 'utils/**/background/**', 'utils/**/page/**', 'utils/messaging/messenger.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: zodOnlyThroughOurModule,
          patterns: [
            { group: BACKGROUND, message: 'Pure modules import nothing from the worker (a background/ folder).' },
            { group: PAGE, message: 'Pure modules import nothing that only a page runs (a page/ folder).' },
            { group: ['**/messaging/messenger', './messenger'], message: 'Pure modules do not send messages.' },
            { group: BROWSER_MODULES, message: 'Pure modules use no browser API or storage.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'browser', message: 'Pure modules use no browser API.' },
        { name: 'chrome', message: 'Pure modules use no browser API.' },
        { name: 'fetch', message: 'Pure modules do no I/O; the request lives in utils/lookup/background/api/.' },
        { name: 'localStorage', message: 'Pure modules do no I/O.' },
        { name: 'sessionStorage', message: 'Pure modules do no I/O.' },
      ],
    },
  },
  {
    // The worker has no DOM.
    files: ['utils/**/background/**', 'entrypoints/background.ts'],
    ignores: TESTS,
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'window', message: 'The service worker has no window.' },
        { name: 'document', message: 'The service worker has no document.' },
      ],
    },
  },
  {
    // The request builder is the one place that reads the management key
    // (and the key store's own tests, which check where a saved or migrated key ended up, and the
    // lock's, which check that a locked vault gives none out).
    files: [
      'utils/lookup/background/api/fetch-key.ts',
      'utils/accounts/background/management-key.test.ts',
      'utils/storage/background/*.test.ts',
      'utils/lock/background/*.test.ts',
    ],
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
