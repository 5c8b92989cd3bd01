// ESM entry point: the CommonJS build, re-exported (one copy of the code whichever way the package is loaded).
export * from '../dist/index.js';
