#!/usr/bin/env node
import { runMockUpstreamCli } from '@tollgate/testing';

runMockUpstreamCli({
  argv: process.argv.slice(2),
  environment: process.env,
  log: (line) => console.log(line),
  error: (line) => console.error(line),
  onSignal: (signal, handler) => process.once(signal, handler),
  exit: (code) => process.exit(code),
}).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
