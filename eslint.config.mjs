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
      // `noUncheckedIndexedAccess` types every in-range index read as possibly undefined; `!` is how this code
      // says the index is in range (bounds checked by the loop or the length test before it).
      '@typescript-eslint/no-non-null-assertion': 'off',
      // An AbortSignal's `reason` (typed `any`) and a caught `unknown` are passed on as they are.
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingAny: true, allowThrowingUnknown: true }],
      // Copies of JSON bodies drop listed fields by name; that is what `delete` is for here.
      '@typescript-eslint/no-dynamic-delete': 'off',
      // Lazy loads: optional peers (ioredis, bullmq) and large data (tokenizer ranks, the catalogue) load on first use.
      '@typescript-eslint/no-require-imports': [
        'error',
        { allow: ['^ioredis$', '^bullmq$', '^gpt-tokenizer/encoding/', '/catalogue\\.generated\\.json$'] },
      ],
      // Database rows and upstream replies are typed as they should arrive, not as drivers and providers may send
      // them (a PostgreSQL bigint as a string, a missing `usage`): the checks and conversions guarding that stay.
      '@typescript-eslint/no-unnecessary-condition': 'off',
      '@typescript-eslint/no-unnecessary-type-conversion': 'off',
      // `_`-prefixed names and rest siblings are how a value is deliberately left out.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // Migrations are written against Kysely<any>: each must keep compiling unchanged while the schema type moves on.
    files: ['packages/ledger/src/migrations/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-base-to-string': 'off',
    },
  },
  {
    // Tests (and their private helpers, e2e drivers) may poke at shapes directly and build partial fakes.
    files: ['**/*.test.ts', '**/__fixtures__/**/*.ts', '**/testing-internal/**/*.ts', '**/e2e/**/*.ts'],
    rules: {
      'no-restricted-syntax': 'off',
      // Tests exercise deprecated wire fields (`max_tokens`, `user`, `functions`) on purpose.
      '@typescript-eslint/no-deprecated': 'off',
      '@typescript-eslint/restrict-template-expressions': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-empty-function': 'off',
      // `void x` consumes a stream's chunks; `{}` defaults a fixture's optional extras.
      '@typescript-eslint/no-meaningless-void-operator': 'off',
      '@typescript-eslint/no-empty-object-type': 'off',
      // A test's `as` often narrows a call on purpose (a malformed field) where the checker sees no change.
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
      '@typescript-eslint/restrict-plus-operands': 'off',
      '@typescript-eslint/no-require-imports': 'off',
      // Tests throw and reject with odd values and fake error instances to check how they are handled.
      '@typescript-eslint/only-throw-error': 'off',
      '@typescript-eslint/prefer-promise-reject-errors': 'off',
      '@typescript-eslint/use-unknown-in-catch-callback-variable': 'off',
      '@typescript-eslint/no-unsafe-class-instance-assignment': 'off',
    },
  },
);
