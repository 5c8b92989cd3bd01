export * from '../../dist/sqlite/index.js';
