import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.lantern/**', 'scratch/**', 'test-output/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // Size limits: a file fits a reader's head, a function a screen. Tests (a describe block
    // holds its cases), the demo measure catalogue (data) and migrations (SQL) are exempt.
    ignores: ['**/*.test.ts', '**/*.spec.ts', 'src/demo/demo-measures.ts', 'migrations/**'],
    rules: {
      'max-lines': ['error', { max: 300, skipBlankLines: false, skipComments: false }],
      'max-lines-per-function': ['error', { max: 60, skipBlankLines: false, skipComments: false }],
    },
  },
);
