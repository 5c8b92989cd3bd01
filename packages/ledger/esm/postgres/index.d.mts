export * from '../../dist/postgres/index.js';
