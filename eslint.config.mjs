// typescript-eslint, strict and type-aware, over every TypeScript source in the workspace. Run with `pnpm lint`.
// Types come from each project's own tsconfig through the project service (the same programs `tsc -b` builds).
import tseslint from 'typescript-eslint';

const castsBannedOutsideTests = [
  {
    selector: 'TSAsExpression > TSNeverKeyword.typeAnnotation',
    message: '`as never` hides a type mismatch: give the seam its real type.',
  },
  {
    selector: 'TSAsExpression > TSAnyKeyword.typeAnnotation',
    message: '`as any` turns type checking off: give the value its real type (or parse it with zod).',
  },
];

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', '**/out-tsc/**', '**/esm/**', '**/coverage/**', '**/*.js', '**/*.cjs', '**/*.mjs'],
  },
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.strictTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Numbers and bigints in messages and ids are the norm here (prices, counts, ports).
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true, allowNullish: false }],
      'no-restricted-syntax': ['error', ...castsBannedOutsideTests],
      // Style only: `() => void fn()` arrows and `async` methods that implement a Promise-returning interface
      // (keeping `async` keeps a throw a rejection) read fine here.
      '@typescript-eslint/no-confusing-void-expression': 'off',
      '@typescript-eslint/require-await': 'off',
      // `_`-prefixed names and rest siblings are how a value is deliberately left out.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // Tests may poke at shapes directly and build partial fakes.
    files: ['**/*.test.ts', '**/__fixtures__/**/*.ts', '**/testing-internal/**/*.ts'],
    rules: {
      'no-restricted-syntax': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-empty-function': 'off',
    },
  },
);
