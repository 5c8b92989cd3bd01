export * from '../../dist/queue/index.js';
