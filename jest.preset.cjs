/** Shared Jest config: swc transpiles TS (types are checked by `tsc -b`), workspace deps resolve to src/. */
module.exports = {
  testEnvironment: 'node',
  passWithNoTests: true,
  // A hang guard, not a speed check (speed is `pnpm bench`'s job): e2e tests on a loaded 2-core CI machine take seconds.
  testTimeout: 30_000,
  testMatch: ['<rootDir>/src/**/*.test.ts'],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
  testEnvironmentOptions: { customExportConditions: ['@tollgate/source', 'node', 'node-addons'] },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
        module: { type: 'commonjs' },
        sourceMaps: 'inline',
      },
    ],
  },
};
