export * from '../../dist/redis/index.js';
