// @ts-check
import noUnsanitized from 'eslint-plugin-no-unsanitized';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'demo-output/**', 'docs/**'] },
  ...tseslint.configs.recommended,
  // Fails the build on innerHTML-like sinks (innerHTML, outerHTML, insertAdjacentHTML,
  // document.write…): API strings must only ever reach the page as text.
  noUnsanitized.configs.recommended,
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
    },
  },
  {
    // Scripts and the mock server print what they do.
    files: ['scripts/**', 'test/**', '.ci/**'],
    rules: { 'no-console': 'off' },
  },
);
